import { Anchor, Button, Stack, Text, Textarea } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import type { LessonItem } from "../../../../../src/features/academy/learning/contract";
import type { LessonSession } from "../lesson-session";
import { Markdown } from "./Markdown";

/** A reading: Markdown. */
export function ReadingItem({ item }: { item: LessonItem }) {
  return <Markdown>{item.body ?? ""}</Markdown>;
}

/** A workbook: its description and the download (which counts as opening it). */
export function WorkbookItem({ item, session }: { item: LessonItem; session: LessonSession }) {
  return (
    <Stack gap="xs">
      {item.body ? <Markdown>{item.body}</Markdown> : null}
      {item.download ? (
        <Anchor
          href={item.download.href}
          download={item.download.fileName}
          onClick={() => {
            session.add({ verb: "opened", itemId: item.id });
            void session.flush();
          }}
        >
          <IconDownload size={16} aria-hidden style={{ verticalAlign: "middle" }} /> Download {item.download.fileName}
        </Anchor>
      ) : null}
    </Stack>
  );
}

/** A scenario exercise: the case, the learner's own answer, then the model answer to compare with. */
export function ScenarioItem({ item, session }: { item: LessonItem; session: LessonSession }) {
  const [answer, setAnswer] = useState("");
  const [shown, setShown] = useState(false);
  return (
    <Stack gap="sm">
      <Markdown>{item.body ?? ""}</Markdown>
      <Textarea
        label="Your answer"
        description="Write what you would do; then compare it with the model answer."
        autosize
        minRows={3}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
      />
      <div>
        <Button
          variant="default"
          disabled={answer.trim() === ""}
          onClick={() => {
            session.add({ verb: "completed", itemId: item.id, response: answer.trim().slice(0, 10_000) });
            void session.flush();
            setShown(true);
          }}
        >
          Compare with the model answer
        </Button>
      </div>
      {shown && item.guidance ? (
        <Stack gap={4}>
          <Text fw={600}>Model answer</Text>
          <Markdown>{item.guidance}</Markdown>
        </Stack>
      ) : null}
    </Stack>
  );
}

import { Button, Group, List, Progress, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleDashed, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import type { Checklist, Missing, Target } from "../../../../src/features/academy/learning/contract";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { ButtonLink, TextLink } from "../../../ui/RouterLink";
import { SectionCard } from "../../../ui/SectionCard";
import { useProgress } from "./queries";

const SHOWN_AT_FIRST = 8;

/** Where a checklist line or the "next" button leads. */
export function targetLink(target: Target): { to: string; params?: Record<string, string>; hash?: string } {
  switch (target.type) {
    case "lesson":
      return {
        to: "/academy/lessons/$lessonId",
        params: { lessonId: target.lessonId },
        hash: target.itemId ? `item-${target.itemId}` : undefined,
      };
    case "assessment":
      return { to: "/academy/assessments/$assessmentId", params: { assessmentId: target.assessmentId } };
    case "level":
      return { to: "/academy" };
  }
}

function lineOf(m: Missing): { text: string; target: Target | null } {
  switch (m.kind) {
    case "video":
      return {
        text: `Watch “${m.title}” in ${m.lessonTitle} (${m.watchedPercent}% watched)`,
        target: { type: "lesson", lessonId: m.lessonId, itemId: m.itemId },
      };
    case "knowledge_check":
      return {
        text: `Answer ${m.remaining} of ${m.total} question${m.total === 1 ? "" : "s"} correctly in “${m.title}” (${m.lessonTitle})`,
        target: { type: "lesson", lessonId: m.lessonId, itemId: m.itemId },
      };
    case "reading":
      return {
        text: `Open “${m.title}” in ${m.lessonTitle}`,
        target: { type: "lesson", lessonId: m.lessonId, itemId: m.itemId },
      };
    case "module_test":
    case "exam":
      return {
        text: `Pass “${m.title}” (pass mark ${m.passPercent}%${m.bestPercent !== null ? `, your best ${m.bestPercent}%` : ", not taken yet"})`,
        target: { type: "assessment", assessmentId: m.assessmentId },
      };
    case "locked_level":
      return { text: `${m.title}: ${m.message}`, target: null };
    case "empty":
      return { text: `${m.title} has nothing to complete yet.`, target: null };
  }
}

/**
 * "Why is this not complete?": what is still missing for a lesson, module, level or program, each line
 * linking to where to do it, and a button to the next thing. Embeddable anywhere (catalog, module pages).
 */
export function CompletionChecklist({
  checklist,
  title = "Why is this not complete?",
}: {
  checklist: Checklist;
  title?: string;
}) {
  const [all, setAll] = useState(false);
  if (checklist.complete) {
    return (
      <SectionCard title="Complete">
        <Group gap="xs">
          <IconCircleCheck size={20} color="var(--mantine-color-teal-8)" aria-hidden />
          <Text>
            Everything is done{checklist.completedAt ? ` (completed ${formatDate(checklist.completedAt)})` : ""}.
          </Text>
        </Group>
      </SectionCard>
    );
  }
  const lines = checklist.missing.map(lineOf);
  const shown = all ? lines : lines.slice(0, SHOWN_AT_FIRST);
  const next = checklist.next ? targetLink(checklist.next) : null;
  return (
    <SectionCard title={title} description={`${checklist.percent}% complete. Still to do:`}>
      <Stack gap="sm" data-testid="completion-checklist">
        <Progress value={checklist.percent} aria-label="Progress" />
        <List spacing={6} center>
          {shown.map((line, i) => {
            const missing = checklist.missing[i];
            const icon =
              missing?.kind === "locked_level" ? (
                <IconLock size={16} aria-hidden />
              ) : (
                <IconCircleDashed size={16} aria-hidden />
              );
            const link = line.target ? targetLink(line.target) : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own and never reorder
              <List.Item key={i} icon={icon}>
                {link ? (
                  <TextLink to={link.to} params={link.params} hash={link.hash}>
                    {line.text}
                  </TextLink>
                ) : (
                  line.text
                )}
              </List.Item>
            );
          })}
        </List>
        {lines.length > SHOWN_AT_FIRST ? (
          <div>
            <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)}>
              {all ? "Show fewer" : `Show all ${lines.length}`}
            </Button>
          </div>
        ) : null}
        {next ? (
          <div>
            <ButtonLink to={next.to} params={next.params} hash={next.hash}>
              Next thing to do
            </ButtonLink>
          </div>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

/** The checklist of a module, level or program, loaded by id (for the catalog pages to embed). */
export function ProgressChecklist({ objectType, id }: { objectType: "module" | "level" | "program"; id: string }) {
  const progress = useProgress(objectType, id);
  if (progress.isPending) return <LoadingBlock label="Loading progress" />;
  if (progress.isError) return <ErrorAlert message={errorMessage(progress.error)} title="Could not load progress" />;
  return <CompletionChecklist checklist={progress.data.checklist} />;
}

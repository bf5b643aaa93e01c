import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { AdminLesson } from "../../../../../src/features/academy/catalog/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useEditItem, useEditLesson } from "../queries";
import { MarkdownEditor } from "./MarkdownEditor";

type Item = AdminLesson["items"][number];

/** A lesson's title and description, and the Markdown body of each of its readings and scenarios. */
export function LessonEditor({ lesson }: { lesson: AdminLesson }) {
  const form = useForm({ initialValues: { title: lesson.title, description: lesson.description } });
  const save = useEditLesson();
  return (
    <Stack gap="md">
      <form
        aria-label={`Edit lesson ${lesson.number}`}
        onSubmit={form.onSubmit((values) =>
          save.mutate(
            { id: lesson.id, body: values },
            {
              onSuccess: () => form.resetDirty(values),
              onError: (error) => markFieldErrors(form, error, ["title", "description"]),
            },
          ),
        )}
      >
        <Stack gap="xs">
          <TextInput label="Lesson title" {...form.getInputProps("title")} />
          <Textarea label="Lesson description" autosize minRows={2} {...form.getInputProps("description")} />
          <ErrorAlert message={save.isError ? save.error.message : null} />
          <Group>
            <Button type="submit" size="xs" loading={save.isPending} disabled={!form.isDirty()}>
              Save lesson
            </Button>
          </Group>
        </Stack>
      </form>
      {lesson.items
        .filter((i) => i.body !== null)
        .map((item) => (
          <BodyEditor key={item.id} item={item} />
        ))}
    </Stack>
  );
}

function BodyEditor({ item }: { item: Item }) {
  const [body, setBody] = useState(item.body ?? "");
  const save = useEditItem();
  const label = `${item.kind === "reading" ? "Reading" : "Scenario"}: ${item.title}`;
  return (
    <Stack gap="xs">
      <MarkdownEditor label={label} value={body} onChange={setBody} />
      <ErrorAlert message={save.isError ? save.error.message : null} />
      <Group>
        <Button
          size="xs"
          variant="light"
          loading={save.isPending}
          disabled={body === (item.body ?? "")}
          onClick={() => save.mutate({ id: item.id, body: { body } })}
        >
          Save {item.kind}
        </Button>
        {save.isSuccess && body === (item.body ?? "") ? null : null}
      </Group>
    </Stack>
  );
}

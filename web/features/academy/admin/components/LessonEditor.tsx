import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { AdminLesson } from "../../../../../src/features/academy/catalog/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useEditLesson } from "../queries";
import { ItemEditor } from "./ItemEditor";

/** A lesson's title and description, and each item's title (with the Markdown of readings and scenarios). */
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
      {lesson.items.map((item) => (
        <ItemEditor key={item.id} item={item} />
      ))}
    </Stack>
  );
}

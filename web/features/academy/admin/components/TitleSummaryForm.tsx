import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { type Editable, useEditTitleSummary } from "../queries";

/** Edits the title and summary of a program, level or module. */
export function TitleSummaryForm({
  what,
  id,
  title,
  summary,
  label,
}: {
  what: Editable;
  id: string;
  title: string;
  summary: string;
  label: string;
}) {
  const form = useForm({ initialValues: { title, summary } });
  const save = useEditTitleSummary(what);
  return (
    <form
      aria-label={`Edit ${label}`}
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { id, body: values },
          {
            onSuccess: () => form.resetDirty(values),
            onError: (error) => markFieldErrors(form, error, ["title", "summary"]),
          },
        ),
      )}
    >
      <Stack gap="xs">
        <TextInput label={`${label} title`} {...form.getInputProps("title")} />
        <Textarea label={`${label} summary`} autosize minRows={2} {...form.getInputProps("summary")} />
        <ErrorAlert message={save.isError ? save.error.message : null} />
        <Group>
          <Button type="submit" size="xs" loading={save.isPending} disabled={!form.isDirty()}>
            Save {label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

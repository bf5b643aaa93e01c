import { Button, Group, Paper, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { AdminLesson } from "../../../../../src/features/academy/catalog/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useEditItem } from "../queries";
import { MarkdownEditor } from "./MarkdownEditor";

type Item = AdminLesson["items"][number];

const KIND_LABEL: Record<string, string> = {
  video: "Video",
  reading: "Reading",
  workbook: "Workbook",
  scenario: "Scenario",
  knowledge_check: "Knowledge check",
};

/** An item's title (every kind) and, for a reading or scenario, its Markdown body; saves what changed. */
export function ItemEditor({ item }: { item: Item }) {
  const kind = KIND_LABEL[item.kind] ?? item.kind;
  const form = useForm({ initialValues: { title: item.title, body: item.body ?? "" } });
  const save = useEditItem();
  const hasBody = item.body !== null;
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      aria-label={`Edit ${kind.toLowerCase()}: ${item.title}`}
      onSubmit={form.onSubmit((values) => {
        const initial = form.getInitialValues();
        const body = {
          ...(values.title !== initial.title ? { title: values.title } : {}),
          ...(hasBody && values.body !== initial.body ? { body: values.body } : {}),
        };
        save.mutate(
          { id: item.id, body },
          {
            onSuccess: () => form.resetDirty(values),
            onError: (error) => markFieldErrors(form, error, ["title", "body"]),
          },
        );
      })}
    >
      <Stack gap="xs">
        <TextInput label={`${kind} title`} {...form.getInputProps("title")} />
        {hasBody ? (
          <MarkdownEditor
            label={`${kind}: ${item.title}`}
            value={form.values.body}
            onChange={(value) => form.setFieldValue("body", value)}
            error={form.errors.body as string | undefined}
          />
        ) : null}
        <ErrorAlert message={save.isError ? save.error.message : null} />
        <Group>
          <Button type="submit" size="xs" variant="light" loading={save.isPending} disabled={!form.isDirty()}>
            Save {kind.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

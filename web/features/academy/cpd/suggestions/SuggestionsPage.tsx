import { Button, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { ScrollRegion } from "../ScrollRegion";
import {
  KIND_LABELS,
  STATUS_LABELS,
  useMySuggestions,
  useSubmitSuggestion,
  useSuggestionsToSupport,
  useSupport,
} from "./queries";

const FIELDS = ["kind", "title", "covers", "why"] as const;
type Values = { kind: string; title: string; covers: string; why: string };

function SuggestionForm() {
  const submit = useSubmitSuggestion();
  const form = useForm<Values>({ initialValues: { kind: "", title: "", covers: "", why: "" } });
  const onSubmit = form.onSubmit(async (v) => {
    try {
      await submit.mutateAsync(v as Parameters<typeof submit.mutateAsync>[0]);
      form.reset();
    } catch (error) {
      markFieldErrors(form, error, FIELDS);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Suggest a new CPD training topic">
      <Stack gap="sm">
        <Select
          label="Kind"
          required
          data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          {...form.getInputProps("kind")}
        />
        <TextInput label="Title" required {...form.getInputProps("title")} />
        <Textarea label="What should it cover?" required autosize minRows={3} {...form.getInputProps("covers")} />
        <Textarea label="Why is it needed?" required autosize minRows={3} {...form.getInputProps("why")} />
        <ErrorAlert message={submit.error && !form.errors.title ? submit.error.message : undefined} />
        <Button type="submit" loading={submit.isPending} w="fit-content">
          Send suggestion
        </Button>
      </Stack>
    </form>
  );
}

/** Suggest a New CPD Training Topic: the form, the learner's suggestions with status, others' to support. */
export function SuggestionsPage() {
  const mine = useMySuggestions();
  const others = useSuggestionsToSupport();
  const support = useSupport();
  return (
    <Stack>
      <PageHeader title="Suggest a new CPD training topic" />
      <SectionCard title="Your suggestion">
        <SuggestionForm />
      </SectionCard>
      <SectionCard title="My suggestions">
        <ErrorAlert message={mine.error?.message} />
        {mine.data?.items.length === 0 && <Text c="dimmed">You have not suggested a topic yet.</Text>}
        {(mine.data?.items.length ?? 0) > 0 && (
          <ScrollRegion label="My suggestions" minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Note from staff</Table.Th>
                  <Table.Th>Support</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.data?.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.title}</Table.Td>
                    <Table.Td>{KIND_LABELS[s.kind]}</Table.Td>
                    <Table.Td>{STATUS_LABELS[s.status]}</Table.Td>
                    <Table.Td>{s.staffNote ?? "—"}</Table.Td>
                    <Table.Td>{s.votes}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </SectionCard>
      <SectionCard title="Support other learners' suggestions">
        <ErrorAlert message={others.error?.message ?? support.error?.message} />
        {others.data?.items.length === 0 && <Text c="dimmed">No suggestions to support yet.</Text>}
        <Stack gap="xs">
          {others.data?.items.map((s) => (
            <Stack key={s.id} gap={2}>
              <Text fw={600}>{s.title}</Text>
              <Text fz="sm">
                {KIND_LABELS[s.kind]} · {STATUS_LABELS[s.status]} · {s.votes}{" "}
                {s.votes === 1 ? "supporter" : "supporters"}
              </Text>
              <Text fz="sm">{s.covers}</Text>
              <Button
                mt="xs"
                size="xs"
                variant={s.supported ? "light" : "filled"}
                aria-pressed={s.supported}
                loading={support.isPending && support.variables?.id === s.id}
                onClick={() => support.mutate({ id: s.id, support: !s.supported })}
              >
                {s.supported ? `Withdraw support for ${s.title}` : `Support ${s.title}`}
              </Button>
            </Stack>
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

import { Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { StaffSuggestionView } from "../../../../../src/features/academy/cpd/suggestions/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { ScrollRegion } from "../ScrollRegion";
import { KIND_LABELS, STATUS_LABELS, useChangeStatus, useStaffSuggestions } from "./queries";

function StatusChange({ s }: { s: StaffSuggestionView }) {
  const change = useChangeStatus(s.id);
  const next = s.next;
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState("");
  if (next.length === 0) return <Text fz="sm">Final</Text>;
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label={`New status for ${s.title}`}
          data={next.map((value) => ({ value, label: STATUS_LABELS[value] ?? value }))}
          value={status}
          onChange={setStatus}
          w={160}
        />
        <TextInput
          label={`Note to the learner for ${s.title}`}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          w={220}
        />
        <Button
          disabled={!status}
          loading={change.isPending}
          onClick={() =>
            status &&
            change.mutate(
              { status: status as StaffSuggestionView["status"], note: note || undefined },
              {
                onSuccess: () => {
                  setStatus(null);
                  setNote("");
                },
              },
            )
          }
        >
          Save
        </Button>
      </Group>
      <ErrorAlert message={change.error?.message} />
    </Stack>
  );
}

/** Staff review of CPD topic suggestions, ranked by votes. */
export function AdminSuggestionsPage() {
  const list = useStaffSuggestions();
  return (
    <Stack>
      <PageHeader title="CPD topic suggestions" />
      <SectionCard title="Ranked by support">
        <ErrorAlert message={list.error?.message} />
        {list.data?.items.length === 0 && <Text c="dimmed">No suggestions yet.</Text>}
        {(list.data?.items.length ?? 0) > 0 && (
          <ScrollRegion label="Suggestions ranked by support" minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Votes</Table.Th>
                  <Table.Th>Suggestion</Table.Th>
                  <Table.Th>Learner</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.votes}</Table.Td>
                    <Table.Td>
                      <Text fw={600}>{s.title}</Text>
                      <Text fz="sm">{KIND_LABELS[s.kind]}</Text>
                      <Text fz="sm">Covers: {s.covers}</Text>
                      <Text fz="sm">Why: {s.why}</Text>
                    </Table.Td>
                    <Table.Td>
                      {s.author.name} ({s.author.email})
                    </Table.Td>
                    <Table.Td>
                      {STATUS_LABELS[s.status]}
                      {s.staffNote && <Text fz="sm">Note: {s.staffNote}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <StatusChange s={s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </SectionCard>
    </Stack>
  );
}

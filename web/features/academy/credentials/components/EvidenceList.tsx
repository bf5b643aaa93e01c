import { List, Stack, Table, Text, Title } from "@mantine/core";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { formatDate } from "../../../../ui/format-date";

/** Modules completed and exam results (pass/score), as issued. */
export function EvidenceList({ evidence, timeZone }: { evidence: CredentialSummary["evidence"]; timeZone?: string }) {
  if (evidence.modules.length === 0 && evidence.exams.length === 0) {
    return <Text c="dimmed">No module completions or exam results were recorded with this credential.</Text>;
  }
  return (
    <Stack gap="md">
      {evidence.modules.length > 0 ? (
        <Stack gap={6}>
          <Title order={3} fz="md">
            Modules completed
          </Title>
          <List spacing={4}>
            {evidence.modules.map((m) => (
              <List.Item key={m.id}>
                Module {m.number}: {m.title}
                {m.completedAt ? (
                  <Text span c="dimmed" fz="sm">
                    {" "}
                    · completed {formatDate(m.completedAt, timeZone)}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {evidence.exams.length > 0 ? (
        <Stack gap={6}>
          <Title order={3} fz="md">
            Assessment results
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Assessment</Table.Th>
                <Table.Th scope="col">Result</Table.Th>
                <Table.Th scope="col">Score</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evidence.exams.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td>{e.passed ? "Passed" : "Not passed"}</Table.Td>
                  <Table.Td>
                    {e.scorePercent}% (pass mark {e.passPercent}%)
                  </Table.Td>
                  <Table.Td>{formatDate(e.at, timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}

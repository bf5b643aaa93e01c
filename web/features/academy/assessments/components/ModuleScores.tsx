import { Table, Text } from "@mantine/core";
import type { ModuleScore } from "../../../../../src/features/academy/assessments/contract";

/**
 * An exam's result per module: correct answers and score, never its questions or keys (exam items stay
 * secret so a retake tests knowledge, not memory). A pool without module tags has one untagged row.
 */
export function ModuleScores({ scores }: { scores: ModuleScore[] }) {
  const tagged = scores.filter((s) => s.moduleKey !== null);
  if (tagged.length === 0) {
    return <Text c="dimmed">This exam's questions are not grouped by module; your overall score is above.</Text>;
  }
  return (
    <Table striped verticalSpacing="sm" data-testid="module-scores">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Module</Table.Th>
          <Table.Th scope="col">Correct</Table.Th>
          <Table.Th scope="col">Score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scores.map((s) => (
          <Table.Tr key={s.moduleKey ?? "other"}>
            <Table.Td>{s.moduleTitle ?? "Other questions"}</Table.Td>
            <Table.Td>
              {s.correctCount} of {s.total}
            </Table.Td>
            <Table.Td>{s.scorePercent}%</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Table, Text } from "@mantine/core";
import type { TeamProgressRow } from "../../../../../src/features/academy/teams/contract";
import { formatDate } from "../../../../ui/format-date";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { PersonCell } from "./PersonCell";

const STATUS: Record<TeamProgressRow["status"], { label: string; tone: Tone }> = {
  not_started: { label: "Not started", tone: "gray" },
  in_progress: { label: "In progress", tone: "blue" },
  completed: { label: "Completed", tone: "teal" },
};

/** Rows of the team (or my) progress report: person, program, level, module, percent, activity, test. */
export function TeamProgressTable({ rows, showPerson }: { rows: TeamProgressRow[]; showPerson: boolean }) {
  if (rows.length === 0) return <Text c="dimmed">No rows match.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {showPerson ? <Table.Th>Person</Table.Th> : null}
            <Table.Th>Program</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th>Module</Table.Th>
            <Table.Th ta="right">Complete</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last activity</Table.Th>
            <Table.Th>Module test</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.userId}-${r.module.key}`}>
              {showPerson ? <PersonCell name={r.name} email={r.email} /> : null}
              <Table.Td>{r.program.title}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>Level {r.level.number}</Table.Td>
              <Table.Td>
                Module {r.module.number}: {r.module.title}
              </Table.Td>
              <Table.Td ta="right">{r.percent}%</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <ToneBadge
                  tone={STATUS[r.status].tone}
                  styles={{ root: { maxWidth: "none" }, label: { overflow: "visible" } }}
                >
                  {STATUS[r.status].label}
                </ToneBadge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {r.lastActivityAt ? formatDate(r.lastActivityAt) : "—"}
              </Table.Td>
              <Table.Td>
                {r.test.attempts === 0
                  ? "—"
                  : `${r.test.attempts} attempt${r.test.attempts === 1 ? "" : "s"}, best ${r.test.bestScorePercent ?? 0}%${r.test.passed ? ", passed" : ""}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Table, Text } from "@mantine/core";
import type { TeamExamResult, TeamExamRow } from "../../../../../src/features/academy/teams/contract";
import { formatDate } from "../../../../ui/format-date";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { PersonCell } from "./PersonCell";

const CERTIFICATION: Record<NonNullable<TeamExamRow["certification"]>["status"], { label: string; tone: Tone }> = {
  certified: { label: "Certified", tone: "teal" },
  not_certified: { label: "Not certified", tone: "gray" },
  expired: { label: "Expired", tone: "orange" },
  revoked: { label: "Revoked", tone: "red" },
};

const badgeStyles = { root: { maxWidth: "none" }, label: { overflow: "visible" } };

function Badge({ tone, label }: { tone: Tone; label: string }) {
  return (
    <ToneBadge tone={tone} styles={badgeStyles}>
      {label}
    </ToneBadge>
  );
}

const CPD_STANDING = {
  on_track: { label: "CPD on track", tone: "teal" },
  due: { label: "CPD due", tone: "orange" },
  expired: { label: "CPD expired", tone: "red" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

type Cpd = NonNullable<NonNullable<TeamExamRow["certification"]>["cpd"]>;

/** CPD standing toward recertification: hours this cycle of the hours required. */
function CpdStanding({ cpd }: { cpd: Cpd }) {
  const { label, tone } = CPD_STANDING[cpd.standing];
  return (
    <Text fz="xs" c="dimmed" component="div" mt={4}>
      <Badge tone={tone} label={label} /> {(cpd.appliedMinutes / 60).toFixed(1)} of {cpd.requiredMinutes / 60} h this
      cycle
    </Text>
  );
}

function Certification({ row }: { row: TeamExamRow }) {
  if (!row.certification) return <>—</>;
  const { label, tone } = CERTIFICATION[row.certification.status];
  const until = row.certification.validUntil;
  return (
    <>
      <Badge tone={tone} label={label} />
      {row.certification.status === "certified" && until ? (
        <Text fz="xs" c="dimmed">
          until {formatDate(until)}
        </Text>
      ) : null}
      {row.certification.cpd ? <CpdStanding cpd={row.certification.cpd} /> : null}
    </>
  );
}

/** One row per member and exam: attempts used, best score, passed, and the program's certification. */
export function TeamExamTable({ rows, showPerson }: { rows: TeamExamRow[]; showPerson: boolean }) {
  const lines = rows.flatMap((row): { row: TeamExamRow; exam: TeamExamResult | null }[] =>
    row.exams.length > 0 ? row.exams.map((exam) => ({ row, exam })) : [{ row, exam: null }],
  );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {showPerson ? <Table.Th>Person</Table.Th> : null}
            <Table.Th>Program</Table.Th>
            <Table.Th>Exam</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th ta="right">Best score</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Certification</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ row, exam }) => (
            <Table.Tr key={`${row.userId}-${row.program.key}-${exam?.key ?? ""}`}>
              {showPerson ? <PersonCell name={row.name} email={row.email} /> : null}
              <Table.Td>{row.program.title}</Table.Td>
              <Table.Td>
                {exam ? (
                  <>
                    {exam.title}
                    <Text fz="xs" c="dimmed">
                      Level {exam.level.number} · pass mark {exam.passPercent}%
                    </Text>
                  </>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td ta="right">{exam ? exam.attempts : "—"}</Table.Td>
              <Table.Td ta="right">{exam?.bestScorePercent == null ? "—" : `${exam.bestScorePercent}%`}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {!exam || exam.attempts === 0 ? (
                  <Badge tone="gray" label="Not attempted" />
                ) : exam.passed ? (
                  <Badge tone="teal" label="Passed" />
                ) : (
                  <Badge tone="orange" label="Not passed" />
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Certification row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

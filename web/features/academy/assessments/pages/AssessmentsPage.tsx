import { Stack, Table, Text } from "@mantine/core";
import type { AssessmentList } from "../../../../../src/features/academy/assessments/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { ScrollTable } from "../../../../ui/ScrollTable";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { describeTimeLimit } from "../describe-policy";
import { useAssessmentList } from "../queries";

type Item = AssessmentList["assessments"][number];

function AssessmentTable({ items, label }: { items: Item[]; label: string }) {
  return (
    <ScrollTable minWidth={640} label={label}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Part of</Table.Th>
            <Table.Th>Questions</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Pass mark</Table.Th>
            <Table.Th>You</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <TextLink to="/academy/assessments/$assessmentId" params={{ assessmentId: a.id }}>
                  {a.title}
                </TextLink>
              </Table.Td>
              <Table.Td>{[a.parentTitle, a.programTitle].filter(Boolean).join(" · ")}</Table.Td>
              <Table.Td>{a.questionCount}</Table.Td>
              <Table.Td>{describeTimeLimit(a.timeLimitMinutes)}</Table.Td>
              <Table.Td>{a.passPercent}%</Table.Td>
              <Table.Td>
                {a.passed ? (
                  <ToneBadge tone="teal">Passed {a.bestScorePercent}%</ToneBadge>
                ) : a.attemptCount > 0 ? (
                  <ToneBadge tone="blue">
                    {a.attemptCount} {a.attemptCount === 1 ? "attempt" : "attempts"}
                    {a.bestScorePercent !== null ? `, best ${a.bestScorePercent}%` : ""}
                  </ToneBadge>
                ) : (
                  <Text fz="sm" c="dimmed">
                    Not started
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Every exam and module test, with the learner's standing on each. */
export function AssessmentsPage() {
  const list = useAssessmentList();
  if (list.isPending) return <LoadingBlock label="Loading tests and exams" />;
  if (list.isError) return <ErrorAlert message={errorMessage(list.error)} title="Could not load tests and exams" />;
  const exams = list.data.assessments.filter((a) => a.kind === "exam");
  const tests = list.data.assessments.filter((a) => a.kind === "module_test");
  return (
    <>
      <PageHeader
        title="Tests and exams"
        description="Module tests check a module; certification exams are timed and have retake rules."
      />
      <Stack gap="lg">
        <SectionCard title="Certification exams">
          {exams.length > 0 ? <AssessmentTable items={exams} label="Exams" /> : <Text c="dimmed">No exams yet.</Text>}
        </SectionCard>
        <SectionCard title="Module tests">
          {tests.length > 0 ? (
            <AssessmentTable items={tests} label="Module tests" />
          ) : (
            <Text c="dimmed">No module tests yet.</Text>
          )}
        </SectionCard>
      </Stack>
    </>
  );
}

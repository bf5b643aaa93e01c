import { Group, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { usePoolReport } from "../queries";

/** Academy staff: which question pools cannot give a candidate N attempts without repeating questions. */
export function AssessmentPoolsPage() {
  const me = useSignedInMe();
  if (!me.user.isPlatformAdmin) {
    return <NotFoundView title="Admins only" message="Question pools are only shown to platform administrators." />;
  }
  return <Pools />;
}

const attemptsInput = (v: string | number, fallback: number) =>
  typeof v === "number" && v >= 1 && v <= 20 ? v : fallback;

function Pools() {
  const [examAttempts, setExamAttempts] = useState(5);
  const [testAttempts, setTestAttempts] = useState(2);
  const report = usePoolReport({ examAttempts, testAttempts });
  const warnings = report.data?.assessments.filter((a) => a.warning) ?? [];
  return (
    <>
      <PageHeader
        title="Question pools"
        description="Each attempt draws questions the candidate has not seen. A pool smaller than the blueprint times the attempts a candidate may need makes retakes repeat questions."
      />
      <Stack gap="lg">
        <Group align="flex-end">
          <NumberInput
            label="Exam attempts a candidate may need"
            min={1}
            max={20}
            value={examAttempts}
            onChange={(v) => setExamAttempts(attemptsInput(v, 5))}
            w={300}
          />
          <NumberInput
            label="Module test attempts"
            min={1}
            max={20}
            value={testAttempts}
            onChange={(v) => setTestAttempts(attemptsInput(v, 2))}
            w={220}
          />
        </Group>
        {report.isPending ? <LoadingBlock label="Loading pools" /> : null}
        <ErrorAlert message={report.error ? errorMessage(report.error) : null} title="Could not load the pools" />
        {report.data ? (
          <Paper
            withBorder
            p="md"
            role="status"
            style={{
              borderLeft: `4px solid var(--mantine-color-${warnings.length > 0 ? "orange-6" : "teal-6"})`,
            }}
          >
            <Group gap="xs">
              {warnings.length > 0 ? <IconAlertTriangle size={20} aria-hidden /> : null}
              <Title order={2} fz="md">
                {warnings.length === 0
                  ? "Every pool is large enough."
                  : `${warnings.length} ${warnings.length === 1 ? "pool is" : "pools are"} too small for the attempts planned`}
              </Title>
            </Group>
          </Paper>
        ) : null}
        {report.data ? (
          <SectionCard title="Tests and exams" description="Pools with a warning come first.">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Assessment</Table.Th>
                  <Table.Th>Pools (size / per attempt)</Table.Th>
                  <Table.Th>Attempts without repeats</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.title}
                      <Text fz="xs" c="dimmed">
                        {a.programTitle} · {a.kind === "exam" ? "exam" : "module test"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">
                        {a.parts
                          .map((p) => `${p.source === "pool" ? "own pool" : p.source} ${p.poolSize} / ${p.perAttempt}`)
                          .join(" · ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {a.freshAttempts} of {a.attemptsPlanned} needed
                    </Table.Td>
                    <Table.Td>
                      {a.warning === "too_small" ? (
                        <ToneBadge tone="red">Cannot start</ToneBadge>
                      ) : a.warning === "repeats" ? (
                        <ToneBadge tone="red">Repeats</ToneBadge>
                      ) : (
                        <ToneBadge tone="teal">OK</ToneBadge>
                      )}
                      {a.message ? (
                        <Text fz="xs" mt={4}>
                          {a.message}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SectionCard>
        ) : null}
      </Stack>
    </>
  );
}

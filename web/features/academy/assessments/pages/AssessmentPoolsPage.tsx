import { Alert, Group, NumberInput, Stack, Table, Text } from "@mantine/core";
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

function Pools() {
  const [attempts, setAttempts] = useState(3);
  const report = usePoolReport(attempts);
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
            label="Attempts a candidate may need"
            min={1}
            max={20}
            value={attempts}
            onChange={(v) => setAttempts(typeof v === "number" && v >= 1 && v <= 20 ? v : 3)}
            w={260}
          />
          {report.data ? (
            <Text role="status" fz="sm" c="dimmed">
              {warnings.length === 0 ? "Every pool is large enough." : `${warnings.length} with a warning`}
            </Text>
          ) : null}
        </Group>
        {report.isPending ? <LoadingBlock label="Loading pools" /> : null}
        <ErrorAlert message={report.error ? errorMessage(report.error) : null} title="Could not load the pools" />
        {warnings.map((a) => (
          <Alert
            key={a.id}
            color={a.warning === "too_small" ? "red" : "orange"}
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={`${a.title} (${a.programTitle})`}
          >
            {a.warning === "too_small"
              ? "Cannot start at all: "
              : `Only ${a.freshAttempts} attempt(s) without repeats: `}
            {a.message}
          </Alert>
        ))}
        {report.data ? (
          <SectionCard title="All tests and exams">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Assessment</Table.Th>
                  <Table.Th>Pools (size / per attempt)</Table.Th>
                  <Table.Th>Fresh attempts</Table.Th>
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
                      {a.parts.map((p) => (
                        <Text fz="sm" key={p.source}>
                          {p.label}: {p.poolSize} / {p.perAttempt}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{a.freshAttempts}</Table.Td>
                    <Table.Td>
                      {a.warning === "too_small" ? (
                        <ToneBadge tone="red">Too small</ToneBadge>
                      ) : a.warning === "repeats" ? (
                        <ToneBadge tone="orange">Repeats</ToneBadge>
                      ) : (
                        <ToneBadge tone="teal">OK</ToneBadge>
                      )}
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

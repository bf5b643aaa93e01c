import { Button, Group, List, Modal, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlayerPlay } from "@tabler/icons-react";
import { useNavigate, useParams } from "@tanstack/react-router";
import type { AssessmentStatus } from "../../../../../src/features/academy/assessments/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDateTime } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { ScrollTable } from "../../../../ui/ScrollTable";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { AssessmentCrumbs } from "../components/AssessmentCrumbs";
import { RetakeNotice } from "../components/RetakeNotice";
import { describeRetakePolicy, describeTimeLimit } from "../describe-policy";
import { useAssessmentStatus, useStartAttempt } from "../queries";

/** A module test or exam: what it is, my attempts, and Start / Resume, or when my retake opens. */
export function AssessmentPage() {
  const { assessmentId } = useParams({ strict: false }) as { assessmentId: string };
  const me = useSignedInMe();
  const status = useAssessmentStatus(assessmentId);
  if (status.isPending) return <LoadingBlock label="Loading" />;
  if (status.isError) {
    if (isApiError(status.error) && status.error.status === 404) {
      return <NotFoundView title="Not found" message="This test or exam does not exist or was retired." />;
    }
    return <ErrorAlert message={errorMessage(status.error)} title="Could not load this assessment" />;
  }
  return (
    <AssessmentView
      status={status.data}
      receivedAt={status.dataUpdatedAt}
      timeZone={me.user.timeZone}
      onReopen={() => void status.refetch()}
    />
  );
}

function AssessmentView({
  status,
  receivedAt,
  timeZone,
  onReopen,
}: {
  status: AssessmentStatus;
  receivedAt: number;
  timeZone: string;
  onReopen: () => void;
}) {
  const { assessment } = status;
  const navigate = useNavigate();
  const start = useStartAttempt(assessment.id);
  const open = (attemptId: string) => void navigate({ to: "/academy/attempts/$attemptId", params: { attemptId } });
  const begin = () => start.mutate(undefined, { onSuccess: (attempt) => open(attempt.id) });
  const [confirming, confirm] = useDisclosure(false);
  const confirmStart = () => (assessment.timeLimitMinutes ? confirm.open() : begin());
  const kindLabel = assessment.kind === "exam" ? "Exam" : "Module test";
  return (
    <>
      <AssessmentCrumbs assessment={assessment} current={assessment.title} />
      <PageHeader
        title={assessment.title}
        description={[assessment.parentTitle, assessment.programTitle].filter(Boolean).join(" · ")}
        badge={
          status.passed ? (
            <ToneBadge tone="teal" size="lg">
              Passed
            </ToneBadge>
          ) : (
            <ToneBadge tone="gray" size="lg">
              {kindLabel}
            </ToneBadge>
          )
        }
      />
      <Stack gap="lg" maw={880}>
        <SectionCard title="About this assessment">
          {assessment.description ? <Text>{assessment.description}</Text> : null}
          <List spacing={4}>
            <List.Item>{assessment.questionCount} questions</List.Item>
            <List.Item>Pass mark: {assessment.passPercent}%</List.Item>
            <List.Item>Time: {describeTimeLimit(assessment.timeLimitMinutes)}</List.Item>
            <List.Item>{describeRetakePolicy(assessment.retakePolicy, assessment.kind)}</List.Item>
            {assessment.kind === "exam" ? (
              <List.Item>Each attempt draws questions you have not seen yet</List.Item>
            ) : null}
          </List>
          <ErrorAlert message={start.error ? errorMessage(start.error) : null} title="Could not start" />
          {status.openAttempt ? (
            <Group>
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => open(status.openAttempt?.id ?? "")}
              >
                Resume attempt
              </Button>
              {status.openAttempt.deadlineAt ? (
                <Text fz="sm" c="dimmed">
                  Time runs out at {formatDateTime(status.openAttempt.deadlineAt, timeZone)}
                </Text>
              ) : null}
            </Group>
          ) : null}
          {status.canStart ? (
            <Group>
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={confirmStart}
                loading={start.isPending}
              >
                {status.attempts.length === 0 ? `Start the ${kindLabel.toLowerCase()}` : "Start a new attempt"}
              </Button>
            </Group>
          ) : null}
          {status.blockedBy === "plan" ? <Text>{status.planMessage}</Text> : null}
          {status.blockedBy === "passed" ? (
            <Text>
              You passed this exam{status.bestScorePercent !== null ? ` with ${status.bestScorePercent}%` : ""}.
            </Text>
          ) : null}
          {status.blockedBy === "retake_wait" && status.nextAttemptOpensAt ? (
            <RetakeNotice
              assessmentId={assessment.id}
              opensAt={status.nextAttemptOpensAt}
              serverNow={status.serverNow}
              receivedAt={receivedAt}
              failedAttempts={status.failedAttempts}
              timeZone={timeZone}
              onOpen={onReopen}
            />
          ) : null}
        </SectionCard>
        <SectionCard
          title="Your attempts"
          description={status.bestScorePercent !== null ? `Best score: ${status.bestScorePercent}%` : "No attempt yet."}
        >
          {status.attempts.length > 0 ? (
            <ScrollTable minWidth={560} label="Your attempts">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Attempt</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Score</Table.Th>
                    <Table.Th>Result</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Open</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...status.attempts].reverse().map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>#{a.number}</Table.Td>
                      <Table.Td>{formatDateTime(a.startedAt, timeZone)}</Table.Td>
                      <Table.Td>
                        {a.scorePercent === null ? "—" : `${a.scorePercent}% (${a.correctCount}/${a.questionCount})`}
                      </Table.Td>
                      <Table.Td>
                        {a.passed === null ? (
                          <ToneBadge tone="blue">In progress</ToneBadge>
                        ) : a.passed ? (
                          <ToneBadge tone="teal">Passed</ToneBadge>
                        ) : (
                          <ToneBadge tone="red">Not passed</ToneBadge>
                        )}
                        {a.submittedBy === "deadline" ? (
                          <Text span fz="xs" c="dimmed" ml="xs">
                            time ran out
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <TextLink to="/academy/attempts/$attemptId" params={{ attemptId: a.id }}>
                          {a.submittedAt ? `Review attempt ${a.number}` : `Continue attempt ${a.number}`}
                        </TextLink>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : null}
        </SectionCard>
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title={`Start ${assessment.title}?`} centered>
        <Text fz="sm">
          The clock starts now and keeps running if you close the page: you have {assessment.timeLimitMinutes} minutes.
          Answers save as you go; whatever is saved when the time runs out is submitted for you.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            Not now
          </Button>
          <Button
            loading={start.isPending}
            onClick={() => {
              confirm.close();
              begin();
            }}
          >
            Start the exam
          </Button>
        </Group>
      </Modal>
    </>
  );
}

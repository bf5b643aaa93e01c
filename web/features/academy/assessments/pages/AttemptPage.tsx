import { Alert, Button, Group, Modal, Paper, Progress, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import type { AttemptView } from "../../../../../src/features/academy/assessments/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDateTime } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { AssessmentCrumbs } from "../components/AssessmentCrumbs";
import { AttemptReview } from "../components/AttemptReview";
import { ExamCountdown } from "../components/ExamCountdown";
import { ModuleScores } from "../components/ModuleScores";
import { QuestionField } from "../components/QuestionField";
import { RetakeNotice } from "../components/RetakeNotice";
import { type SaveState, useAutosave } from "../components/use-autosave";
import { localDeadline } from "../countdown";
import { assessmentKeys, useAssessmentStatus, useAttempt, useSubmitAttempt } from "../queries";

/** Taking an attempt (questions, autosave, countdown, submit) or, once submitted, its result and review. */
export function AttemptPage() {
  const { attemptId } = useParams({ strict: false }) as { attemptId: string };
  const attempt = useAttempt(attemptId);
  if (attempt.isPending) return <LoadingBlock label="Loading the attempt" />;
  if (attempt.isError) {
    if (isApiError(attempt.error) && attempt.error.status === 404) {
      return <NotFoundView title="Attempt not found" message="This attempt does not exist or is not yours." />;
    }
    return <ErrorAlert message={errorMessage(attempt.error)} title="Could not load the attempt" />;
  }
  return attempt.data.status === "open" ? (
    <TakeAttempt key={attempt.data.id} attempt={attempt.data} receivedAt={attempt.dataUpdatedAt} />
  ) : (
    <AttemptResult attempt={attempt.data} />
  );
}

function SaveIndicator({ state, timeZone }: { state: SaveState; timeZone: string }) {
  const text =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "saved"
        ? `All answers saved (${formatDateTime(state.at, timeZone)})`
        : state.kind === "error"
          ? `Not saved: ${state.message}`
          : "Answers save as you go";
  return (
    <Text fz="sm" c={state.kind === "error" ? "red.9" : "dimmed"} role="status" data-testid="save-state">
      {text}
    </Text>
  );
}

function TakeAttempt({ attempt, receivedAt }: { attempt: AttemptView; receivedAt: number }) {
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const refetch = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.attempt(attempt.id) }),
    [queryClient, attempt.id],
  );
  const { answers, setAnswer, flush, state } = useAutosave(attempt.id, attempt.answers, refetch);
  const submit = useSubmitAttempt(attempt.id);
  const [confirming, confirm] = useDisclosure(false);
  const deadlineLocal = useMemo(
    () => (attempt.deadlineAt ? localDeadline(attempt.deadlineAt, attempt.serverNow, receivedAt) : null),
    [attempt.deadlineAt, attempt.serverNow, receivedAt],
  );
  // At zero the server grades what was saved; reloading the attempt shows the result.
  const onExpire = useCallback(() => {
    void flush().finally(() => window.setTimeout(refetch, 1500));
  }, [flush, refetch]);
  const answered = attempt.questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  const unanswered = attempt.questions.length - answered;
  const doSubmit = () => {
    confirm.close();
    submit.mutate(answers, {
      onError: (error) => {
        if (isApiError(error) && error.code === "attempt_closed") refetch();
      },
    });
  };
  return (
    <>
      <PageHeader
        title={attempt.assessment.title}
        description={`Attempt ${attempt.number} · ${attempt.questions.length} questions · pass mark ${attempt.assessment.passPercent}%`}
      />
      <Stack gap="md" maw={880}>
        <Paper
          withBorder
          p="sm"
          pos="sticky"
          // Below the app shell's fixed header, so the clock and Submit stay in view while scrolling.
          top="var(--app-shell-header-offset, 0px)"
          style={{ zIndex: 5 }}
          bg="var(--mantine-color-body)"
          aria-label="Attempt status"
          component="section"
        >
          <Group justify="space-between">
            <Stack gap={2}>
              <Text fw={600}>
                {answered} of {attempt.questions.length} answered
              </Text>
              <SaveIndicator state={state} timeZone={me.user.timeZone} />
            </Stack>
            <Group>
              {deadlineLocal !== null ? <ExamCountdown deadlineLocal={deadlineLocal} onExpire={onExpire} /> : null}
              <Button onClick={confirm.open} loading={submit.isPending}>
                Submit answers
              </Button>
            </Group>
          </Group>
          <Progress
            value={(answered / Math.max(1, attempt.questions.length)) * 100}
            mt="xs"
            size="sm"
            aria-label="Answered"
          />
        </Paper>
        <ErrorAlert message={submit.error ? errorMessage(submit.error) : null} title="Could not submit" />
        {attempt.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            question={q}
            index={i}
            value={answers[q.id] ?? []}
            onChange={(keys) => setAnswer(q.id, keys)}
          />
        ))}
        <Group justify="flex-end">
          <Button onClick={confirm.open} loading={submit.isPending}>
            Submit answers
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title="Submit your answers?" centered>
        <Text fz="sm">
          {unanswered > 0
            ? `${unanswered} ${unanswered === 1 ? "question is" : "questions are"} not answered and will count as wrong. `
            : "Every question is answered. "}
          You cannot change answers after submitting.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            Keep working
          </Button>
          <Button onClick={doSubmit}>Submit</Button>
        </Group>
      </Modal>
    </>
  );
}

function AttemptResult({ attempt }: { attempt: AttemptView }) {
  const me = useSignedInMe();
  const result = attempt.result;
  const status = useAssessmentStatus(attempt.assessment.id);
  if (!result) return <LoadingBlock label="Grading" />;
  return (
    <>
      <AssessmentCrumbs assessment={attempt.assessment} current={`Attempt ${attempt.number}`} />
      <PageHeader
        title={`${attempt.assessment.title}: attempt ${attempt.number}`}
        description={`Submitted ${formatDateTime(result.submittedAt, me.user.timeZone)}${result.submittedBy === "deadline" ? " when the time ran out" : ""}`}
        actions={
          <ButtonLink
            to="/academy/assessments/$assessmentId"
            params={{ assessmentId: attempt.assessment.id }}
            variant="default"
          >
            Back to the {attempt.assessment.kind === "exam" ? "exam" : "test"}
          </ButtonLink>
        }
      />
      <Stack gap="lg" maw={880}>
        <Alert
          color={result.passed ? "teal" : "red"}
          variant="light"
          icon={result.passed ? <IconCircleCheck size={20} aria-hidden /> : <IconCircleX size={20} aria-hidden />}
          title={result.passed ? "Passed" : "Not passed"}
          data-testid="attempt-result"
        >
          <Text>
            You scored {result.scorePercent}% ({result.correctCount} of {result.total} correct); the pass mark is{" "}
            {attempt.assessment.passPercent}%.
          </Text>
        </Alert>
        {!result.passed && status.data?.blockedBy === "retake_wait" && status.data.nextAttemptOpensAt ? (
          <RetakeNotice
            assessmentId={attempt.assessment.id}
            opensAt={status.data.nextAttemptOpensAt}
            serverNow={status.data.serverNow}
            receivedAt={status.dataUpdatedAt}
            failedAttempts={status.data.failedAttempts}
            timeZone={me.user.timeZone}
            onOpen={() => void status.refetch()}
          />
        ) : null}
        {!result.passed && status.data?.canStart ? (
          <Text>You may try again now: each new attempt draws questions you have not seen where the bank allows.</Text>
        ) : null}
        {attempt.assessment.kind === "exam" ? (
          <SectionCard
            title="Your score per module"
            description="Exam questions and their answers are not shown after the exam, so that every attempt tests what you know. Revisit the modules where you scored lowest."
          >
            <ModuleScores scores={result.byModule} />
          </SectionCard>
        ) : (
          <SectionCard title="Review your answers" description="The correct answers and why.">
            <AttemptReview attempt={attempt} />
          </SectionCard>
        )}
      </Stack>
    </>
  );
}

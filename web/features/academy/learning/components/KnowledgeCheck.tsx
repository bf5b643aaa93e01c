import { Alert, Button, Checkbox, Group, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type {
  ItemProgressView,
  LessonItem,
  StatementsResponse,
} from "../../../../../src/features/academy/learning/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { sendStatements } from "../queries";

type Question = LessonItem["questions"][number];
type Feedback = { correct: boolean; explanation: string | null };

/** Knowledge-check questions: answer, get feedback at once, try again as often as needed. */
export function KnowledgeCheck({
  item,
  progress,
  onSaved,
  disabled,
}: {
  item: LessonItem;
  progress: ItemProgressView | undefined;
  onSaved: (response: StatementsResponse) => void;
  disabled: boolean;
}) {
  const correct = new Set(progress?.correct ?? []);
  return (
    <Stack gap="lg">
      {item.questions.map((q, i) => (
        <QuestionBlock
          key={q.id}
          number={i + 1}
          question={q}
          alreadyRight={correct.has(q.id)}
          onSaved={onSaved}
          disabled={disabled}
        />
      ))}
    </Stack>
  );
}

function QuestionBlock({
  number,
  question,
  alreadyRight,
  onSaved,
  disabled,
}: {
  number: number;
  question: Question;
  alreadyRight: boolean;
  onSaved: (response: StatementsResponse) => void;
  disabled: boolean;
}) {
  const [choice, setChoice] = useState<string[]>([]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const multiple = question.correctCount > 1;
  const label = `${number}. ${question.prompt}`;

  const check = async () => {
    setPending(true);
    setError(null);
    try {
      const response = await sendStatements([{ verb: "answered", questionId: question.id, response: choice }]);
      const result = response.results[0];
      if (result?.verb === "answered") setFeedback({ correct: result.correct, explanation: result.explanation });
      onSaved(response);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="xs" data-testid={`question-${question.id}`}>
      {multiple ? (
        <Checkbox.Group
          label={label}
          description={`Choose ${question.correctCount}.`}
          value={choice}
          onChange={setChoice}
        >
          <Stack gap={6} mt={6}>
            {question.choices.map((c) => (
              <Checkbox key={c.key} value={c.key} label={c.text} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group label={label} value={choice[0] ?? null} onChange={(v) => setChoice([v])}>
          <Stack gap={6} mt={6}>
            {question.choices.map((c) => (
              <Radio key={c.key} value={c.key} label={c.text} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Group>
        <Button variant="default" onClick={check} loading={pending} disabled={disabled || choice.length === 0}>
          {feedback && !feedback.correct ? "Try again" : "Check answer"}
        </Button>
        {alreadyRight && !feedback ? (
          <Text fz="sm" c="teal.9">
            Answered correctly
          </Text>
        ) : null}
      </Group>
      {feedback ? (
        <Alert color={feedback.correct ? "teal" : "orange"} bg={feedback.correct ? "teal.0" : "orange.0"} role="status">
          <Text fw={700} c={feedback.correct ? "teal.9" : "orange.9"}>
            {feedback.correct ? "Correct" : "Not quite"}
          </Text>
          <Text>
            {feedback.correct
              ? (feedback.explanation ?? "Well done.")
              : "That is not the right answer. Have another look and try again."}
          </Text>
        </Alert>
      ) : null}
      <ErrorAlert message={error} title="Could not check the answer" />
    </Stack>
  );
}

import { Badge, Group, List, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import type { AttemptView } from "../../../../../src/features/academy/assessments/contract";
import { PromptText } from "./PromptText";

/** Each question with the candidate's answer, the correct one and its explanation (after submission only). */
export function AttemptReview({ attempt }: { attempt: AttemptView }) {
  const review = new Map((attempt.result?.review ?? []).map((r) => [r.questionId, r]));
  return (
    <Stack gap="md">
      {attempt.questions.map((q, i) => {
        const r = review.get(q.id);
        const chosen = new Set(attempt.answers[q.id] ?? []);
        const correct = new Set(r?.correct ?? []);
        return (
          <Paper withBorder p="md" key={q.id} component="article" aria-label={`Question ${i + 1}`}>
            <Stack gap="xs">
              <Group gap="xs">
                <ThemeIcon color={r?.answeredCorrectly ? "teal" : "red"} variant="light" size="sm" radius="xl">
                  {r?.answeredCorrectly ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                </ThemeIcon>
                <Text fw={600}>
                  Question {i + 1}:{" "}
                  {r?.answeredCorrectly ? "correct" : chosen.size === 0 ? "not answered" : "incorrect"}
                </Text>
              </Group>
              <PromptText>{q.prompt}</PromptText>
              <List spacing={4} listStyleType="none">
                {q.choices.map((c) => (
                  <List.Item key={c.key}>
                    <Group gap="xs">
                      <Text fw={correct.has(c.key) ? 600 : 400}>{c.text}</Text>
                      {correct.has(c.key) ? (
                        <Badge variant="light" bg="teal.0" c="teal.9">
                          Correct answer
                        </Badge>
                      ) : null}
                      {chosen.has(c.key) ? (
                        <Badge variant="light" bg="gray.0" c="gray.9">
                          Your answer
                        </Badge>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
              {r?.explanation ? <PromptText dimmed>{r.explanation}</PromptText> : null}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

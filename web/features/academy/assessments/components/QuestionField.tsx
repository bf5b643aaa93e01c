import { Badge, Checkbox, Group, Paper, Radio, Stack, Text } from "@mantine/core";
import type { AttemptView } from "../../../../../src/features/academy/assessments/contract";
import { PromptText } from "./PromptText";

type Question = AttemptView["questions"][number];

/** One question: radio buttons, or checkboxes when more than one choice is to be selected. */
export function QuestionField({
  question,
  index,
  value,
  onChange,
  disabled,
}: {
  question: Question;
  index: number;
  value: string[];
  onChange: (keys: string[]) => void;
  disabled?: boolean;
}) {
  const label = (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>Question {index + 1}</Text>
        {question.scenario ? (
          <Badge variant="light" color="violet">
            Scenario
          </Badge>
        ) : null}
        {question.multiple ? (
          <Text fz="sm" c="dimmed">
            Select all that apply
          </Text>
        ) : null}
      </Group>
      <PromptText>{question.prompt}</PromptText>
    </Stack>
  );
  return (
    <Paper withBorder p="md" component="fieldset" style={{ border: undefined }} data-testid="question">
      {question.multiple ? (
        <Checkbox.Group label={label} value={value} onChange={onChange}>
          <Stack gap="xs" mt="sm">
            {question.choices.map((c) => (
              <Checkbox key={c.key} value={c.key} label={c.text} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group label={label} value={value[0] ?? null} onChange={(v) => onChange(v ? [v] : [])}>
          <Stack gap="xs" mt="sm">
            {question.choices.map((c) => (
              <Radio key={c.key} value={c.key} label={c.text} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Paper>
  );
}

import { ActionIcon, Button, Checkbox, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { AdminQuestion, QuestionInput } from "../../../../../src/features/academy/catalog/contract";
import { markFieldErrors } from "../../../../api/form-errors";
import { ErrorAlert } from "../../../../ui/ErrorAlert";

const LETTERS = "abcdefgh";

/** A question with its choices (mark the correct ones) and an explanation. */
export function QuestionForm({
  initial,
  submitLabel,
  onSubmit,
  pending,
  error,
}: {
  initial?: AdminQuestion;
  submitLabel: string;
  onSubmit: (input: QuestionInput, reset: () => void, fail: (error: unknown) => void) => void;
  pending: boolean;
  error: string | null;
}) {
  const form = useForm({
    initialValues: {
      prompt: initial?.prompt ?? "",
      explanation: initial?.explanation ?? "",
      choices: (
        initial?.choices ?? [
          { key: "a", text: "" },
          { key: "b", text: "" },
          { key: "c", text: "" },
          { key: "d", text: "" },
        ]
      ).map((c) => ({ ...c, correct: initial?.correct.includes(c.key) ?? false })),
    },
  });
  const choices = form.values.choices;
  return (
    <form
      aria-label={submitLabel}
      onSubmit={form.onSubmit((values) =>
        onSubmit(
          {
            prompt: values.prompt,
            explanation: values.explanation.trim() ? values.explanation : null,
            choices: values.choices.map((c) => ({ key: c.key, text: c.text })),
            correct: values.choices.filter((c) => c.correct).map((c) => c.key),
          },
          () => form.reset(),
          (e) => markFieldErrors(form, e, ["prompt", "explanation", "choices", "correct"]),
        ),
      )}
    >
      <Stack gap="xs">
        <Textarea label="Question" autosize minRows={2} {...form.getInputProps("prompt")} />
        {choices.map((choice, i) => (
          <Group key={choice.key} gap="xs" wrap="nowrap" align="center">
            <Checkbox
              aria-label={`Choice ${choice.key.toUpperCase()} is correct`}
              {...form.getInputProps(`choices.${i}.correct`, { type: "checkbox" })}
            />
            <TextInput
              flex={1}
              aria-label={`Choice ${choice.key.toUpperCase()}`}
              placeholder={`Choice ${choice.key.toUpperCase()}`}
              {...form.getInputProps(`choices.${i}.text`)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove choice ${choice.key.toUpperCase()}`}
              disabled={choices.length <= 2}
              onClick={() => form.removeListItem("choices", i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.correct ? <ErrorAlert message={String(form.errors.correct)} /> : null}
        {form.errors.choices ? <ErrorAlert message={String(form.errors.choices)} /> : null}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={choices.length >= 8}
            onClick={() =>
              form.insertListItem("choices", {
                key: LETTERS.split("").find((l) => !choices.some((c) => c.key === l)) ?? "h",
                text: "",
                correct: false,
              })
            }
          >
            Add a choice
          </Button>
        </Group>
        <Textarea
          label="Explanation (shown after answering)"
          autosize
          minRows={1}
          {...form.getInputProps("explanation")}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" size="xs" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

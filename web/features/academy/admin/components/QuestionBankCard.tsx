import { Button, Group, List, Modal, Paper, Stack, Switch, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { AdminQuestion } from "../../../../../src/features/academy/catalog/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { useAddQuestion, useArchiveQuestion, useBank, useEditQuestion } from "../queries";
import { QuestionForm } from "./QuestionForm";

/** A module's question bank: add, edit, archive and restore questions. */
export function QuestionBankCard({ moduleId }: { moduleId: string }) {
  const bank = useBank(moduleId);
  const add = useAddQuestion(moduleId);
  const archive = useArchiveQuestion();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<AdminQuestion | null>(null);
  if (bank.isPending) return <LoadingBlock label="Loading the question bank" />;
  if (bank.isError) return <ErrorAlert message={bank.error.message} />;
  const live = bank.data.questions.filter((q) => !q.archived);
  const shown = showArchived ? bank.data.questions : live;
  return (
    <SectionCard
      title="Question bank"
      description={`${live.length} live questions${bank.data.testQuestionCount ? `; the module test draws ${bank.data.testQuestionCount}` : ""}.`}
      actions={
        <Switch
          label="Show archived"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      }
    >
      <ErrorAlert message={archive.isError ? archive.error.message : null} />
      <Stack gap="sm">
        {shown.map((q, i) => (
          <Paper key={q.id} withBorder p="sm" bg={q.archived ? "gray.0" : undefined}>
            <Stack gap={4}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text fw={600} fz="sm">
                  {i + 1}. {q.prompt}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  {q.archived ? <ToneBadge tone="gray">Archived</ToneBadge> : null}
                  <Button size="compact-xs" variant="default" onClick={() => setEditing(q)}>
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={q.archived ? "teal" : "red"}
                    onClick={() => archive.mutate({ id: q.id, archived: !q.archived })}
                    aria-label={`${q.archived ? "Restore" : "Archive"} question ${i + 1}`}
                  >
                    {q.archived ? "Restore" : "Archive"}
                  </Button>
                </Group>
              </Group>
              <List size="sm" spacing={2}>
                {q.choices.map((c) => (
                  <List.Item
                    key={c.key}
                    icon={
                      q.correct.includes(c.key) ? (
                        <IconCheck size={14} color="var(--mantine-color-teal-8)" aria-label="correct" />
                      ) : (
                        <span style={{ display: "inline-block", width: 14 }} />
                      )
                    }
                  >
                    {c.key.toUpperCase()}. {c.text}
                  </List.Item>
                ))}
              </List>
              {q.explanation ? (
                <Text fz="xs" c="dimmed">
                  {q.explanation}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          Add a question
        </Text>
        <QuestionForm
          submitLabel="Add question"
          pending={add.isPending}
          error={add.isError ? add.error.message : null}
          onSubmit={(input, reset, fail) => add.mutate(input, { onSuccess: reset, onError: fail })}
        />
      </Paper>
      <EditQuestionModal question={editing} onClose={() => setEditing(null)} />
    </SectionCard>
  );
}

function EditQuestionModal({ question, onClose }: { question: AdminQuestion | null; onClose: () => void }) {
  const edit = useEditQuestion();
  return (
    <Modal opened={question !== null} onClose={onClose} title="Edit question" size="lg">
      {question ? (
        <QuestionForm
          key={question.id}
          initial={question}
          submitLabel="Save question"
          pending={edit.isPending}
          error={edit.isError ? edit.error.message : null}
          onSubmit={(input, _reset, fail) =>
            edit.mutate({ id: question.id, body: input }, { onSuccess: onClose, onError: fail })
          }
        />
      ) : null}
    </Modal>
  );
}

import { Anchor, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconCheck, IconDownload } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import type { Download, ModuleDetail } from "../../../../../src/features/academy/catalog/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { ProgressChecklist } from "../../learning/CompletionChecklist";
import { LockNotice } from "../components/LockNotice";
import { ProgressLine } from "../components/ProgressLine";
import { useModule } from "../queries";

const route = getRouteApi("/signed-in/academy/modules/$moduleKey");

const KIND_NAMES: Record<string, string> = {
  video: "Video",
  reading: "Reading",
  workbook: "Workbook",
  scenario: "Scenario",
  knowledge_check: "Knowledge check",
};

/** A module: lessons with completion, workbooks, the scenario exercise, the module test and tools. */
export function ModulePage() {
  const { moduleKey } = route.useParams();
  const module = useModule(moduleKey);
  if (module.isPending) return <LoadingBlock label="Loading the module" />;
  if (module.isError) return <ErrorAlert message={module.error.message} />;
  const m = module.data;
  const open = m.lock.open;
  return (
    <Stack gap="lg">
      <TextLink to="/academy/programs/$programKey" params={{ programKey: m.program.key }} fz="sm">
        ← {m.program.title}, Level {m.level.number}: {m.level.title}
      </TextLink>
      <PageHeader title={`Module ${m.number}: ${m.title}`} description={m.summary} />
      {open ? <ProgressLine progress={m.progress} label={`Module ${m.number}`} /> : <LockNotice lock={m.lock} />}
      <SectionCard title="Lessons" description={`${m.lessons.length} lessons`}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>No.</Table.Th>
              <Table.Th>Lesson</Table.Th>
              <Table.Th w={200}>Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.lessons.map((lesson) => (
              <Table.Tr key={lesson.id}>
                <Table.Td>{lesson.number}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {open ? (
                      <TextLink to="/academy/lessons/$lessonId" params={{ lessonId: lesson.id }} fw={600}>
                        {lesson.title}
                      </TextLink>
                    ) : (
                      <Text fw={600}>{lesson.title}</Text>
                    )}
                    <Text fz="sm" c="dimmed">
                      {lesson.description}
                    </Text>
                    {lesson.topics.length > 0 ? (
                      <List size="xs" c="dimmed" withPadding>
                        {lesson.topics.map((topic) => (
                          <List.Item key={topic}>{topic}</List.Item>
                        ))}
                      </List>
                    ) : null}
                    <Group gap={4}>
                      {lesson.kinds.map((k) => (
                        <ToneBadge key={k} tone="gray" size="xs">
                          {KIND_NAMES[k] ?? k}
                        </ToneBadge>
                      ))}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {lesson.progress.completedAt ? (
                    <ToneBadge tone="teal" leftSection={<IconCheck size={12} aria-hidden />}>
                      Complete
                    </ToneBadge>
                  ) : (
                    <ProgressLine progress={lesson.progress} label={`Lesson ${lesson.number}`} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SectionCard>
      <ModuleTestCard module={m} />
      {open ? <ProgressChecklist objectType="module" id={m.id} /> : null}
      {m.scenarios.length > 0 ? (
        <SectionCard title="Scenario exercise" description="A realistic client situation to work through.">
          {m.scenarios.map((s) =>
            open ? (
              <TextLink key={s.id} to="/academy/lessons/$lessonId" params={{ lessonId: s.lessonId }}>
                {s.title} (lesson {s.lessonNumber})
              </TextLink>
            ) : (
              <Text key={s.id}>
                {s.title} (lesson {s.lessonNumber})
              </Text>
            ),
          )}
        </SectionCard>
      ) : null}
      <Downloads title="Workbooks" items={m.workbooks} open={open} />
      <Downloads title="Tools" items={m.tools} open={open} />
    </Stack>
  );
}

function ModuleTestCard({ module: m }: { module: ModuleDetail }) {
  if (!m.test) return null;
  const t = m.test;
  return (
    <SectionCard
      title={t.title}
      description={`${t.questionCount} questions drawn from the module's bank; pass at ${t.passPercent}%. Multiple attempts.`}
      actions={
        m.lock.open ? (
          <ButtonLink to="/academy/assessments/$assessmentId" params={{ assessmentId: t.id }} variant="light">
            {t.attempts > 0 ? "Open the test" : "Take the test"}
          </ButtonLink>
        ) : null
      }
    >
      <Text fz="sm">
        {t.attempts === 0
          ? "Not attempted yet."
          : `${t.attempts} attempt${t.attempts === 1 ? "" : "s"}, best score ${t.bestScorePercent ?? 0}%${t.passed ? " — passed" : ""}.`}
      </Text>
    </SectionCard>
  );
}

function Downloads({ title, items, open }: { title: string; items: Download[]; open: boolean }) {
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {items.map((d) => (
          <Group key={d.key} gap="xs" wrap="nowrap" align="flex-start">
            <IconDownload size={16} aria-hidden />
            <Stack gap={0}>
              {open ? (
                <Anchor href={d.url} download>
                  {d.title}
                </Anchor>
              ) : (
                <Text>{d.title}</Text>
              )}
              {d.description || d.lessonNumber ? (
                <Text fz="xs" c="dimmed">
                  {[d.lessonNumber ? `Lesson ${d.lessonNumber}` : null, d.description].filter(Boolean).join(" · ")}
                </Text>
              ) : null}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

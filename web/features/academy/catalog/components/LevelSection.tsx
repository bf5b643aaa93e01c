import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCertificate, IconLock } from "@tabler/icons-react";
import type { CatalogLevel } from "../../../../../src/features/academy/catalog/contract";
import { TextLink } from "../../../../ui/RouterLink";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { Markdown } from "../../learning/components/Markdown";
import { LockNotice } from "./LockNotice";
import { ProgressLine } from "./ProgressLine";

/** One level: its lock or progress, then a card per module with its own progress bar. */
export function LevelSection({ level }: { level: CatalogLevel }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={`Level ${level.number}: ${level.title}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3} fz="md">
                Level {level.number}: {level.title}
              </Title>
              {level.lock.open ? null : (
                <ToneBadge tone="gray" leftSection={<IconLock size={12} aria-hidden />}>
                  Locked
                </ToneBadge>
              )}
            </Group>
            <Text fz="sm" c="dimmed" component="div">
              <Markdown>{level.summary}</Markdown>
            </Text>
          </Stack>
          {level.credential ? (
            <Badge variant="outline" color="gray" leftSection={<IconCertificate size={12} aria-hidden />}>
              {level.credential.title}
            </Badge>
          ) : null}
        </Group>
        {level.lock.open ? (
          <ProgressLine progress={level.progress} label={`Level ${level.number}`} />
        ) : (
          <LockNotice lock={level.lock} compact />
        )}
        {level.modules.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {level.modules.map((m) => (
              <Paper key={m.id} withBorder p="sm" bg="gray.0">
                <Stack gap={6}>
                  <TextLink to="/academy/modules/$moduleKey" params={{ moduleKey: m.key }} fw={600}>
                    Module {m.number}: {m.title}
                  </TextLink>
                  <Text fz="xs" c="dimmed">
                    {m.lessonCount} lessons
                  </Text>
                  <ProgressLine progress={m.progress} label={`Module ${m.number}`} />
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        ) : null}
        {level.exams.length > 0 ? (
          <Stack gap={4}>
            {level.exams.map((exam) => (
              <Group key={exam.id} gap="xs">
                {level.lock.open ? (
                  <TextLink to="/academy/assessments/$assessmentId" params={{ assessmentId: exam.id }}>
                    {exam.title}
                  </TextLink>
                ) : (
                  <Text fz="sm">{exam.title}</Text>
                )}
                <Text fz="xs" c="dimmed">
                  {exam.questionCount} questions
                  {exam.timeLimitMinutes ? `, ${exam.timeLimitMinutes} minutes` : ""}, pass at {exam.passPercent}%
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconLock, IconPlayerPlay } from "@tabler/icons-react";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { PlanBadges } from "../../catalog/components/PlanBadges";
import { ProgressLine } from "../../catalog/components/ProgressLine";
import { useCatalogHome } from "../../catalog/queries";

/** The academy home: continue where you left off, your plans, and every program with its levels. */
export function AcademyPage() {
  const home = useCatalogHome();
  if (home.isPending) return <LoadingBlock label="Loading the academy" />;
  if (home.isError) return <ErrorAlert message={home.error.message} />;
  const { programs, plans } = home.data;
  const next = home.data.continue;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Academy"
        description="Programs of levels, modules and lessons: videos, readings, workbooks, scenario exercises, knowledge checks and module tests."
      />
      {next ? (
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-label={next.reason === "resume" ? "Continue where you left off" : "Up next"}
        >
          <Group justify="space-between" align="center">
            <Stack gap={4}>
              <Text fz="sm" c="dimmed">
                {next.reason === "resume" ? "Continue where you left off" : "Up next"} · {next.program.title}, Module{" "}
                {next.module.number}: {next.module.title}
              </Text>
              <Title order={2} fz="lg">
                Lesson {next.lesson.number}: {next.lesson.title}
              </Title>
            </Stack>
            <ButtonLink
              to="/academy/lessons/$lessonId"
              params={{ lessonId: next.lesson.id }}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              {next.reason === "resume" ? "Continue" : "Start"}
            </ButtonLink>
          </Group>
        </Paper>
      ) : null}
      <SectionCard
        title="Your membership"
        description="Your plan decides which levels you can open."
        actions={
          <ButtonLink to="/plans" variant="light">
            Choose a plan
          </ButtonLink>
        }
      >
        <PlanBadges plans={plans} />
      </SectionCard>
      {programs.length === 0 ? (
        <Text c="dimmed">No programs are loaded yet.</Text>
      ) : (
        programs.map((program) => (
          <SectionCard
            key={program.id}
            title={program.title}
            description={program.summary}
            actions={
              <ButtonLink
                to="/academy/programs/$programKey"
                params={{ programKey: program.key }}
                variant="light"
                aria-label={`Open ${program.title}`}
              >
                Open program
              </ButtonLink>
            }
          >
            <ProgressLine progress={program.progress} label={program.title} />
            <Stack gap={6}>
              {program.levels.map((level) => (
                <Group key={level.id} gap="xs" wrap="nowrap">
                  <TextLink to="/academy/programs/$programKey" params={{ programKey: program.key }} hash={level.key}>
                    Level {level.number}: {level.title}
                  </TextLink>
                  {level.lock.open ? (
                    <Text fz="xs" c="dimmed">
                      {level.progress.completedAt
                        ? "Completed"
                        : level.progress.percent > 0
                          ? `${level.progress.percent}% complete`
                          : "Not started"}
                    </Text>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <IconLock size={14} aria-hidden />
                      <Text fz="xs" c="dimmed">
                        Locked. {level.lock.message}
                      </Text>
                    </Group>
                  )}
                </Group>
              ))}
            </Stack>
          </SectionCard>
        ))
      )}
    </Stack>
  );
}

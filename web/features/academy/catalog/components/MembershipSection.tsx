import { List, Paper, Stack, Text, Title } from "@mantine/core";
import type { CatalogProgram, HeldPlan } from "../../../../../src/features/academy/catalog/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { useCatalogHome } from "../queries";

type OpenedLevel = { programKey: string; programTitle: string; levelKey: string; number: number; title: string };

/** The levels of the loaded programs that a plan opens, in catalog order. */
function levelsOpenedBy(plan: string, programs: CatalogProgram[]): OpenedLevel[] {
  return programs.flatMap((program) =>
    program.levels
      .filter((level) => level.plans.includes(plan))
      .map((level) => ({
        programKey: program.key,
        programTitle: program.title,
        levelKey: level.key,
        number: level.number,
        title: level.title,
      })),
  );
}

/**
 * "Academy membership" for the profile page: each active plan, since when (and until when), the levels it
 * opens, and a link to the academy; without a plan, a line saying so and where plans come from.
 */
export function MembershipSection({ timeZone }: { timeZone: string }) {
  const home = useCatalogHome();
  return (
    <SectionCard
      title="Academy membership"
      description="Your plan decides which academy levels you can open."
      actions={
        <ButtonLink to="/academy" variant="light">
          Go to the academy
        </ButtonLink>
      }
    >
      {home.isPending ? <LoadingBlock label="Loading your academy membership" /> : null}
      <ErrorAlert message={home.error ? errorMessage(home.error) : null} title="Could not load your membership" />
      {home.data ? <Plans plans={home.data.plans} programs={home.data.programs} timeZone={timeZone} /> : null}
    </SectionCard>
  );
}

function Plans({ plans, programs, timeZone }: { plans: HeldPlan[]; programs: CatalogProgram[]; timeZone: string }) {
  const active = plans.filter((p) => p.active);
  const ended = plans.filter((p) => !p.active && p.endsAt !== null);
  return (
    <Stack gap="md" data-testid="academy-membership">
      {active.length === 0 ? (
        <Text>
          You hold no academy plan, so the academy's levels stay locked. <TextLink to="/plans">Choose a plan</TextLink>{" "}
          to open them.
        </Text>
      ) : (
        active.map((plan) => <ActivePlan key={plan.id} plan={plan} programs={programs} timeZone={timeZone} />)
      )}
      {ended.length > 0 ? (
        <Text fz="sm" c="dimmed">
          Ended: {ended.map((p) => `${p.name} (ended ${formatDate(p.endsAt ?? p.startsAt, timeZone)})`).join(", ")}.
        </Text>
      ) : null}
    </Stack>
  );
}

function ActivePlan({ plan, programs, timeZone }: { plan: HeldPlan; programs: CatalogProgram[]; timeZone: string }) {
  const levels = levelsOpenedBy(plan.plan, programs);
  return (
    <Paper withBorder p="md" component="article" aria-label={plan.name}>
      <Stack gap={6}>
        <Title order={3} fz="md">
          {plan.name}
        </Title>
        <Text fz="sm">
          Since {formatDate(plan.startsAt, timeZone)}
          {plan.endsAt ? `, until ${formatDate(plan.endsAt, timeZone)}` : ", with no end date"}.
        </Text>
        {levels.length === 0 ? (
          <Text fz="sm" c="dimmed">
            It opens none of the levels of the programs loaded now.
          </Text>
        ) : (
          <>
            <Text fz="sm">It opens:</Text>
            <List size="sm" spacing={4}>
              {levels.map((level) => (
                <List.Item key={`${level.programKey}/${level.levelKey}`}>
                  <TextLink
                    to="/academy/programs/$programKey"
                    params={{ programKey: level.programKey }}
                    hash={level.levelKey}
                  >
                    {level.programTitle}, Level {level.number}: {level.title}
                  </TextLink>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}

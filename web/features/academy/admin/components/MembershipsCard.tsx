import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Learner } from "../../../../../src/features/academy/catalog/contract";
import { isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { useAssignPlan, useLearners, useRemovePlan } from "../queries";

const PLAN_OPTIONS = [
  { value: "basic", label: "CCSMP Basic (Level 1)" },
  { value: "scholar", label: "CCSMP Scholar (Levels 1-4)" },
  { value: "full", label: "CCSMP Full (Levels 1-5)" },
  { value: "cpd", label: "CCSMP CPD (Level 5)" },
  { value: "pulse_plus", label: "Pulse+ subscription" },
];

/** Find a person by email; give or take away membership plans (with an optional end date). */
export function MembershipsCard() {
  const [email, setEmail] = useState("");
  const [debounced] = useDebouncedValue(email.trim(), 300);
  const learners = useLearners(debounced);
  return (
    <SectionCard
      title="Membership plans"
      description="Plans open levels: Basic opens Level 1; Scholar Levels 1-4; Full Levels 1-5; CPD Level 5."
    >
      <TextInput
        label="Find a person by email"
        placeholder="e.g. jordan@"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        maw={420}
      />
      {learners.isError ? <ErrorAlert message={learners.error.message} /> : null}
      {learners.data ? (
        learners.data.learners.length === 0 ? (
          <Text c="dimmed">Nobody's email contains “{debounced}”.</Text>
        ) : (
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Plans</Table.Th>
                <Table.Th>Give a plan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {learners.data.learners.map((l) => (
                <LearnerRow key={l.userId} learner={l} />
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </SectionCard>
  );
}

function LearnerRow({ learner }: { learner: Learner }) {
  const [plan, setPlan] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState("");
  const assign = useAssignPlan();
  const remove = useRemovePlan();
  const endError = isApiError(assign.error)
    ? (assign.error.fields["body.endsOn"] ?? assign.error.fields.endsOn)
    : undefined;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} fz="sm">
          {learner.name}
        </Text>
        <Text fz="xs" c="dimmed">
          {learner.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {learner.plans.length === 0 ? (
            <Text fz="sm" c="dimmed">
              None
            </Text>
          ) : (
            learner.plans.map((p) => (
              <ToneBadge
                key={p.id}
                tone={p.active ? "teal" : "gray"}
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    c="teal.9"
                    aria-label={`Remove ${p.name} from ${learner.email}`}
                    onClick={() => remove.mutate(p.id)}
                  >
                    <IconX size={12} />
                  </ActionIcon>
                }
              >
                {p.name}
                {p.endsAt ? ` · until ${formatDate(p.endsAt)}` : ""}
                {p.active ? "" : " · ended"}
              </ToneBadge>
            ))
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              aria-label={`Plan for ${learner.email}`}
              placeholder="Plan"
              data={PLAN_OPTIONS}
              value={plan}
              onChange={setPlan}
              w={220}
              size="xs"
            />
            <TextInput
              type="date"
              aria-label={`End date for ${learner.email} (optional)`}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              size="xs"
              error={endError}
            />
            <Button
              size="xs"
              disabled={!plan}
              loading={assign.isPending}
              onClick={() =>
                plan &&
                assign.mutate(
                  { userId: learner.userId, plan: plan as never, endsOn: endsOn || null },
                  { onSuccess: () => setPlan(null) },
                )
              }
            >
              Add plan
            </Button>
          </Group>
          {assign.isError && !endError ? <ErrorAlert message={assign.error.message} /> : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

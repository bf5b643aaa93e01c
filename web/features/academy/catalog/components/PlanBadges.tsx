import { Group, Text } from "@mantine/core";
import type { HeldPlan } from "../../../../../src/features/academy/catalog/contract";
import { formatDate } from "../../../../ui/format-date";
import { ToneBadge } from "../../../../ui/ToneBadge";

/** The plans a learner holds (ended ones say so). */
export function PlanBadges({ plans }: { plans: HeldPlan[] }) {
  if (plans.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        You hold no plan yet, so levels stay locked.
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {plans.map((p) => (
        <ToneBadge key={p.id} tone={p.active ? "teal" : "gray"} size="lg">
          {p.name}
          {p.active ? (p.endsAt ? ` · until ${formatDate(p.endsAt)}` : "") : " · ended"}
        </ToneBadge>
      ))}
    </Group>
  );
}

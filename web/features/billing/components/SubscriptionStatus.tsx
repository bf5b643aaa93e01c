import { Badge } from "@mantine/core";
import { SUBSCRIPTION_STATE_NAMES, type SubscriptionView } from "../../../../src/features/billing/contract";

const COLORS: Record<SubscriptionView["state"], string> = {
  pending_payment: "gray",
  active: "teal",
  cancel_scheduled: "orange",
  past_due: "red",
  ended: "gray",
};

export function SubscriptionStatus({ state }: { state: SubscriptionView["state"] }) {
  return (
    <Badge color={COLORS[state]} variant="light" data-testid="subscription-state">
      {SUBSCRIPTION_STATE_NAMES[state]}
    </Badge>
  );
}

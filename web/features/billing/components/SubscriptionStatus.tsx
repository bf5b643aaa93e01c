import { SUBSCRIPTION_STATE_NAMES, type SubscriptionView } from "../../../../src/features/billing/contract";
import { type Tone, ToneBadge } from "../../../ui/ToneBadge";

const TONES: Record<SubscriptionView["state"], Tone> = {
  pending_payment: "gray",
  active: "teal",
  cancel_scheduled: "orange",
  past_due: "red",
  ended: "gray",
};

export function SubscriptionStatus({ state }: { state: SubscriptionView["state"] }) {
  return (
    <ToneBadge tone={TONES[state]} data-testid="subscription-state">
      {SUBSCRIPTION_STATE_NAMES[state]}
    </ToneBadge>
  );
}

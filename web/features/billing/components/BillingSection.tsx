import { Group, Text } from "@mantine/core";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { ButtonLink } from "../../../ui/RouterLink";
import { SectionCard } from "../../../ui/SectionCard";
import { useMySubscription } from "../queries";
import { SubscriptionStatus } from "./SubscriptionStatus";

/** My Profile's billing summary, linking to the billing page. */
export function BillingSection({ timeZone }: { timeZone: string }) {
  const mine = useMySubscription();
  const sub = mine.data?.subscription;
  return (
    <SectionCard
      title="Billing"
      description="Your subscription, payment method, receipts and invoices."
      actions={
        <ButtonLink to="/profile/billing" variant="light">
          Open billing
        </ButtonLink>
      }
    >
      {mine.isPending ? <LoadingBlock label="Loading your subscription" /> : null}
      <ErrorAlert message={mine.error ? errorMessage(mine.error) : null} title="Could not load your subscription" />
      {mine.data && !sub ? <Text>You have no subscription.</Text> : null}
      {sub ? (
        <Group gap="sm">
          <Text fw={600}>{sub.plan.name}</Text>
          <SubscriptionStatus state={sub.state} />
          {sub.renewsAt ? <Text c="dimmed">Renews on {formatDate(sub.renewsAt, timeZone)}</Text> : null}
          {!sub.renewsAt && sub.accessUntil ? (
            <Text c="dimmed">Access until {formatDate(sub.accessUntil, timeZone)}</Text>
          ) : null}
        </Group>
      ) : null}
    </SectionCard>
  );
}

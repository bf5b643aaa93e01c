import { Button, Group, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { ButtonLink } from "../../../ui/RouterLink";
import { SectionCard } from "../../../ui/SectionCard";
import { useSignedInMe } from "../../accounts/identity/queries";
import { TestModeNotice } from "../components/TestModeNotice";
import { useChangeSubscription, useMySubscription } from "../queries";

/** The cancel page reminder mails link to: says what cancelling does, then does it. */
export function CancelPage() {
  const { user } = useSignedInMe();
  const mine = useMySubscription();
  const cancel = useChangeSubscription("cancel");
  const navigate = useNavigate();
  const sub = mine.data?.subscription;
  const cancellable = sub && (sub.state === "active" || sub.state === "past_due");
  return (
    <>
      <PageHeader title="Cancel your subscription" />
      <Stack gap="lg" maw={720}>
        <TestModeNotice testMode={mine.data?.testMode} />
        {mine.isPending ? <LoadingBlock label="Loading your subscription" /> : null}
        <ErrorAlert message={cancel.error ? errorMessage(cancel.error) : null} title="Could not cancel" />
        {mine.data && !cancellable ? (
          <SectionCard title="Nothing to cancel">
            <Text>
              {sub?.state === "cancel_scheduled"
                ? `Your ${sub.plan.name} subscription is already set to end on ${formatDate(sub.accessUntil ?? "", user.timeZone)}.`
                : "You have no subscription that renews."}
            </Text>
            <Group>
              <ButtonLink to="/profile/billing" variant="light">
                Back to billing
              </ButtonLink>
            </Group>
          </SectionCard>
        ) : null}
        {cancellable && sub ? (
          <SectionCard title={sub.plan.name}>
            <Text>
              {sub.state === "past_due"
                ? "Cancelling ends your subscription now: the last renewal was not paid."
                : `Your subscription will not renew. You keep access until ${formatDate(sub.accessUntil ?? "", user.timeZone)}, and you can resume it until then.`}
            </Text>
            <Group>
              <Button
                color="red.8"
                loading={cancel.isPending}
                onClick={() => cancel.mutate(undefined, { onSuccess: () => void navigate({ to: "/profile/billing" }) })}
              >
                Cancel subscription
              </Button>
              <ButtonLink to="/profile/billing" variant="default">
                Keep my subscription
              </ButtonLink>
            </Group>
          </SectionCard>
        ) : null}
      </Stack>
    </>
  );
}

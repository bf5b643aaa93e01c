import { Badge, Button, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { BillingPlan } from "../../../../src/features/billing/contract";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { TextLink } from "../../../ui/RouterLink";
import { TestModeNotice } from "../components/TestModeNotice";
import { formatMoney } from "../money";
import { useMySubscription, usePlans, useStartCheckout } from "../queries";

/** Choose a plan: each plan's yearly price and the levels it opens; "Choose" goes to checkout. */
export function PlansPage() {
  const plans = usePlans();
  const mine = useMySubscription();
  const checkout = useStartCheckout();
  const live = mine.data?.subscription && mine.data.subscription.state !== "ended" ? mine.data.subscription : null;
  return (
    <>
      <PageHeader
        title="Choose a plan"
        description="Every plan is paid for one year in full and renews each year until you cancel. You can cancel any time in My Profile."
      />
      <Stack gap="lg">
        <TestModeNotice testMode={plans.data?.testMode} />
        {plans.isPending ? <LoadingBlock label="Loading plans" /> : null}
        <ErrorAlert message={plans.error ? errorMessage(plans.error) : null} title="Could not load the plans" />
        <ErrorAlert
          message={checkout.error ? errorMessage(checkout.error) : null}
          title="Could not start the checkout"
        />
        {live ? (
          <Text>
            You have the {live.plan.name} subscription. <TextLink to="/profile/billing">Manage it in billing</TextLink>.
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {(plans.data?.plans ?? [])
            .filter((p) => p.individual)
            .map((plan) => (
              <PlanCard
                key={plan.id}
                plan={plan}
                disabled={Boolean(live) || checkout.isPending}
                loading={checkout.isPending && checkout.variables === plan.id}
                onChoose={() => checkout.mutate(plan.id)}
              />
            ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}

function PlanCard(props: { plan: BillingPlan; disabled: boolean; loading: boolean; onChoose: () => void }) {
  const { plan } = props;
  return (
    <Card withBorder padding="lg" component="article" aria-label={plan.name} data-testid={`plan-${plan.key}`}>
      <Stack gap="sm" h="100%">
        <Title order={2} fz="lg">
          {plan.name}
        </Title>
        <Text fz={28} fw={700} lh={1}>
          {formatMoney(plan.price)}
          <Text span fz="sm" fw={400} c="dimmed">
            {" "}
            per person per year
          </Text>
        </Text>
        <Text fz="sm">{plan.description}</Text>
        <Text fz="sm" fw={600}>
          Opens
        </Text>
        <List size="sm" spacing={2}>
          {plan.opens.map((l) => (
            <List.Item key={`${l.programTitle}-${l.levelNumber}`}>
              {l.programTitle}: Level {l.levelNumber}, {l.levelTitle}
            </List.Item>
          ))}
        </List>
        {plan.opens.length === 0 ? <Badge variant="light">No levels loaded yet</Badge> : null}
        <Button mt="auto" onClick={props.onChoose} disabled={props.disabled} loading={props.loading}>
          Choose {plan.name}
        </Button>
      </Stack>
    </Card>
  );
}

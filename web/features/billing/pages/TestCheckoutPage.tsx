import { Button, Paper, Radio, Stack, Text } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { TestModeNotice } from "../components/TestModeNotice";
import { formatMoney } from "../money";
import { useCompleteTestCheckout, useTestCheckout } from "../queries";

/** Test mode's checkout: completes without a card; says plainly that no money moves. */
export function TestCheckoutPage() {
  const { checkoutId } = useParams({ from: "/signed-in/billing/test-checkout/$checkoutId" });
  const checkout = useTestCheckout(checkoutId);
  const complete = useCompleteTestCheckout(checkoutId);
  const navigate = useNavigate();
  const [card, setCard] = useState<"4242" | "0341">("4242");
  const pay = () =>
    complete.mutate(card, { onSuccess: () => void navigate({ to: "/profile/billing", search: { checkout: "done" } }) });
  return (
    <>
      <PageHeader title="Test checkout" description="This page stands in for a card payment page." />
      <Stack gap="lg" maw={640}>
        <TestModeNotice testMode />
        {checkout.isPending ? <LoadingBlock label="Loading the checkout" /> : null}
        <ErrorAlert
          message={checkout.error ? errorMessage(checkout.error) : null}
          title="Could not load the checkout"
        />
        <ErrorAlert
          message={complete.error ? errorMessage(complete.error) : null}
          title="Could not complete the checkout"
        />
        {checkout.data ? (
          <Paper withBorder p="lg">
            <Stack gap="md">
              <Text fz="lg" fw={600}>
                {checkout.data.plan.name}: {formatMoney(checkout.data.price)} for one year
              </Text>
              {checkout.data.completed ? (
                <Text>This checkout is complete.</Text>
              ) : (
                <>
                  <Radio.Group
                    label="Test card"
                    description="No card number is asked for and nothing is charged."
                    value={card}
                    onChange={(v) => setCard(v as "4242" | "0341")}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="4242" label="Test card ending 4242 (renewals succeed)" />
                      <Radio value="0341" label="Test card ending 0341 (declined at renewal)" />
                    </Stack>
                  </Radio.Group>
                  <Button onClick={pay} loading={complete.isPending} style={{ alignSelf: "flex-start" }}>
                    Complete test payment
                  </Button>
                  <Text fz="sm" c="dimmed">
                    Completing this test payment opens your levels at once. No money moves.
                  </Text>
                </>
              )}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}

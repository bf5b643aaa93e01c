import { Alert, Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useSearch } from "@tanstack/react-router";
import type { MySubscription, SubscriptionView } from "../../../../src/features/billing/contract";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { ButtonLink, TextLink } from "../../../ui/RouterLink";
import { SectionCard } from "../../../ui/SectionCard";
import { useSignedInMe } from "../../accounts/identity/queries";
import { SubscriptionStatus } from "../components/SubscriptionStatus";
import { TestModeNotice } from "../components/TestModeNotice";
import { formatMoney } from "../money";
import { useChangeSubscription, useMySubscription } from "../queries";

/** My Profile > Billing: plan, status, renewal date and amount, payment method, receipts and invoices. */
export function BillingPage() {
  const { user } = useSignedInMe();
  const search = useSearch({ from: "/signed-in/profile/billing" });
  const mine = useMySubscription();
  return (
    <>
      <PageHeader title="Billing" description="Your subscription, payment method, receipts and invoices." />
      <Stack gap="lg">
        <TestModeNotice testMode={mine.data?.testMode} />
        {search.checkout === "done" && mine.data?.subscription?.state === "active" ? (
          <Alert
            color="teal"
            variant="light"
            title="You are subscribed"
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            Your levels are open now. A receipt is on its way to your inbox.{" "}
            <TextLink to="/academy" c="indigo.9" fw={600} fz="inherit">
              Go to the academy
            </TextLink>
          </Alert>
        ) : null}
        {mine.isPending ? <LoadingBlock label="Loading your subscription" /> : null}
        <ErrorAlert message={mine.error ? errorMessage(mine.error) : null} title="Could not load your subscription" />
        {mine.data ? <Subscription data={mine.data} timeZone={user.timeZone} /> : null}
        {mine.data ? <Receipts data={mine.data} timeZone={user.timeZone} /> : null}
      </Stack>
    </>
  );
}

function Subscription({ data, timeZone }: { data: MySubscription; timeZone: string }) {
  const sub = data.subscription;
  const resume = useChangeSubscription("resume");
  if (!sub || sub.state === "ended") {
    return (
      <SectionCard title="Subscription">
        <Text>{sub ? `Your ${sub.plan.name} subscription has ended.` : "You have no subscription."}</Text>
        <Group>
          <ButtonLink to="/plans">Choose a plan</ButtonLink>
        </Group>
      </SectionCard>
    );
  }
  return (
    <SectionCard title="Subscription" actions={<SubscriptionStatus state={sub.state} />}>
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          <Row label="Plan" value={sub.plan.name} />
          <Row label="Status" value={statusLine(sub, timeZone)} />
          {sub.renewsAt && sub.renewalAmount ? (
            <Row
              label="Renewal"
              value={`${formatDate(sub.renewsAt, timeZone)}, ${formatMoney(sub.renewalAmount)} for one year`}
            />
          ) : null}
          <Row label="Payment method" value={paymentLine(sub)} />
        </Table.Tbody>
      </Table>
      <ErrorAlert message={resume.error ? errorMessage(resume.error) : null} title="Could not resume" />
      <Group>
        {sub.state === "active" || sub.state === "past_due" ? (
          <ButtonLink to="/profile/billing/cancel" variant="light" color="red">
            Cancel subscription
          </ButtonLink>
        ) : null}
        {sub.state === "cancel_scheduled" ? (
          <Button onClick={() => resume.mutate()} loading={resume.isPending}>
            Resume subscription
          </Button>
        ) : null}
      </Group>
    </SectionCard>
  );
}

function statusLine(sub: SubscriptionView, timeZone: string): string {
  const until = sub.accessUntil ? formatDate(sub.accessUntil, timeZone) : "";
  if (sub.state === "cancel_scheduled") return `Cancelled: it will not renew. You keep access until ${until}.`;
  if (sub.state === "past_due") return `The renewal payment failed. You keep access until ${until}.`;
  return `Active until ${until}, then renews automatically.`;
}

function paymentLine(sub: SubscriptionView): string {
  if (!sub.paymentMethod) return "None on file";
  if (sub.paymentMethod.test) return `Test card ending ${sub.paymentMethod.last4} (test card, no money moved)`;
  return `${sub.paymentMethod.brand} ending ${sub.paymentMethod.last4}`;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={{ base: 112, sm: 180 }}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

function Receipts({ data, timeZone }: { data: MySubscription; timeZone: string }) {
  return (
    <SectionCard title="Receipts and invoices">
      {data.invoices.length === 0 ? (
        <Text c="dimmed">No receipts yet.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Receipt (PDF)</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.invoices.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor
                    href={i.pdfUrl}
                    download
                    aria-label={`${i.kind === "receipt" ? "Receipt" : "Invoice"} ${i.number} (PDF)`}
                    style={{ whiteSpace: "nowrap" }}
                  >
                    {i.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(i.issuedAt, timeZone)}</Table.Td>
                <Table.Td ta="right">{formatMoney(i.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

import { Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Pool } from "../../../../src/features/billing/licenses/contract";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { ScrollTable } from "../../../ui/ScrollTable";
import { SectionCard } from "../../../ui/SectionCard";
import { useSignedInMe } from "../../accounts/identity/queries";
import { activeMembership } from "../../accounts/organizations/active-membership";
import { TestModeNotice } from "../components/TestModeNotice";
import { formatMoney } from "../money";
import { usePlans } from "../queries";
import { useAcceptQuote, useAssignSeat, useFreeSeat, useLicenses, useRequestQuote, useSeats } from "./queries";

/** Organization > Licenses: ask for a quote, accept it with a PO, download invoices, assign and free seats. */
export function LicensesPage() {
  const me = useSignedInMe();
  const orgId = activeMembership(me)?.id ?? "";
  const licenses = useLicenses(orgId);
  const plans = usePlans();
  const quote = useRequestQuote(orgId);
  const accept = useAcceptQuote(orgId);
  const [planId, setPlanId] = useState<string | null>(null);
  const [seats, setSeats] = useState<number | string>(5);
  const [po, setPo] = useState<Record<string, string>>({});
  const tz = me.user.timeZone;
  if (!orgId) return <PageHeader title="Licenses" />;
  return (
    <>
      <PageHeader title="Licenses" />
      <Stack gap="lg" maw={960}>
        <TestModeNotice testMode={licenses.data?.testMode} />
        {licenses.isPending ? <LoadingBlock label="Loading licenses" /> : null}
        <ErrorAlert message={licenses.error ? errorMessage(licenses.error) : null} title="Could not load licenses" />
        <SectionCard title="Ask for a quote" description="Seats for one year, paid by purchase order (net 30).">
          <Group align="end" wrap="wrap">
            <Select
              label="Plan"
              data={(plans.data?.plans ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} (${formatMoney(p.price)} per seat)`,
              }))}
              value={planId}
              onChange={setPlanId}
              w={280}
            />
            <NumberInput label="Seats" min={1} max={10000} value={seats} onChange={setSeats} w={120} />
            <Button
              disabled={!planId}
              loading={quote.isPending}
              onClick={() => planId && quote.mutate({ planId, seats: Number(seats) })}
            >
              Get quote
            </Button>
          </Group>
          <ErrorAlert message={quote.error ? errorMessage(quote.error) : null} title="Could not quote" />
        </SectionCard>
        {(licenses.data?.quotes ?? []).some((q) => q.status === "open") ? (
          <SectionCard title="Open quotes">
            <Stack>
              <ErrorAlert message={accept.error ? errorMessage(accept.error) : null} title="Could not accept" />
              {licenses.data?.quotes
                .filter((q) => q.status === "open")
                .map((q) => (
                  <Group key={q.id} align="end" wrap="wrap">
                    <Text w={320}>
                      {q.seats} × {q.planName}, {q.months} months: <b>{formatMoney(q.total)}</b>
                      {q.discountBps > 0 ? ` (${q.discountBps / 100} % team discount)` : ""}
                    </Text>
                    <TextInput
                      label="Purchase order number"
                      value={po[q.id] ?? ""}
                      onChange={(e) => setPo({ ...po, [q.id]: e.currentTarget.value })}
                    />
                    <Button
                      disabled={!po[q.id]?.trim()}
                      loading={accept.isPending}
                      onClick={() => accept.mutate({ quoteId: q.id, poNumber: po[q.id] ?? "" })}
                    >
                      Accept with PO
                    </Button>
                  </Group>
                ))}
            </Stack>
          </SectionCard>
        ) : null}
        <SectionCard title="Invoices">
          {licenses.data?.invoices.length ? (
            <ScrollTable minWidth={480} label="Invoices">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>PO</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Total</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {licenses.data.invoices.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor href={i.pdfUrl}>{i.number} (PDF)</Anchor>
                      </Table.Td>
                      <Table.Td>{i.poNumber}</Table.Td>
                      <Table.Td>{formatDate(i.dueAt, tz)}</Table.Td>
                      <Table.Td>{formatMoney(i.total)}</Table.Td>
                      <Table.Td>{i.status === "paid" ? "Paid" : "Awaiting payment"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : (
            <Text c="dimmed">No invoices yet.</Text>
          )}
        </SectionCard>
        {(licenses.data?.pools ?? []).map((pool) => (
          <PoolSeats key={pool.id} orgId={orgId} pool={pool} timeZone={tz} />
        ))}
      </Stack>
    </>
  );
}

function PoolSeats({ orgId, pool, timeZone }: { orgId: string; pool: Pool; timeZone: string }) {
  const seats = useSeats(orgId, pool.id);
  const assign = useAssignSeat(orgId, pool.id);
  const free = useFreeSeat(orgId, pool.id);
  const [email, setEmail] = useState("");
  return (
    <SectionCard
      title={`${pool.planName}: ${pool.used} of ${pool.seats} seats assigned`}
      description={`${formatDate(pool.startsAt, timeZone)} to ${formatDate(pool.endsAt, timeZone)}`}
    >
      <Stack>
        <Group align="end" wrap="wrap">
          <TextInput
            label="Member or invited email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            w={280}
          />
          <Button
            disabled={!email.trim() || pool.used >= pool.seats}
            loading={assign.isPending}
            onClick={() => assign.mutate({ email: email.trim() }, { onSuccess: () => setEmail("") })}
          >
            Assign seat
          </Button>
        </Group>
        <ErrorAlert message={assign.error ? errorMessage(assign.error) : null} title="Could not assign" />
        <ErrorAlert message={free.error ? errorMessage(free.error) : null} title="Could not free the seat" />
        {seats.data?.seats.length ? (
          <ScrollTable minWidth={360} label="Seats">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Holder</Table.Th>
                  <Table.Th>Since</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {seats.data.seats.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {s.name ? `${s.name} (${s.email})` : s.email}
                      {s.attached ? "" : " — invited, attaches on joining"}
                    </Table.Td>
                    <Table.Td>{formatDate(s.assignedAt, timeZone)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => free.mutate(s.id)}
                        aria-label={`Free the seat of ${s.email}`}
                      >
                        Free seat
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : (
          <Text c="dimmed">No seats assigned yet.</Text>
        )}
      </Stack>
    </SectionCard>
  );
}

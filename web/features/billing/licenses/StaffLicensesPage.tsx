import { Anchor, Button, Stack, Table, Text } from "@mantine/core";
import { errorMessage } from "../../../api/api-error";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format-date";
import { LoadingBlock } from "../../../ui/LoadingBlock";
import { PageHeader } from "../../../ui/PageHeader";
import { ScrollTable } from "../../../ui/ScrollTable";
import { SectionCard } from "../../../ui/SectionCard";
import { useSignedInMe } from "../../accounts/identity/queries";
import { formatMoney } from "../money";
import { useRecordPayment, useStaffLicenses } from "./queries";

/** Staff: every team invoice (record the payment of an open one) and every license pool. */
export function StaffLicensesPage() {
  const me = useSignedInMe();
  const tz = me.user.timeZone;
  const data = useStaffLicenses();
  const record = useRecordPayment();
  return (
    <>
      <PageHeader title="Team licenses" />
      <Stack gap="lg" maw={1100}>
        {data.isPending ? <LoadingBlock label="Loading team licenses" /> : null}
        <ErrorAlert message={data.error ? errorMessage(data.error) : null} title="Could not load" />
        <ErrorAlert message={record.error ? errorMessage(record.error) : null} title="Could not record the payment" />
        <SectionCard title="Invoices">
          <ScrollTable minWidth={640} label="Team invoices">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>PO</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Total</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data.data?.invoices ?? []).map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor href={i.pdfUrl}>{i.number}</Anchor>
                    </Table.Td>
                    <Table.Td>{i.orgName}</Table.Td>
                    <Table.Td>{i.poNumber}</Table.Td>
                    <Table.Td>{formatDate(i.dueAt, tz)}</Table.Td>
                    <Table.Td>{formatMoney(i.total)}</Table.Td>
                    <Table.Td>
                      {i.status === "open" ? (
                        <Button
                          size="xs"
                          loading={record.isPending && record.variables === i.id}
                          onClick={() => record.mutate(i.id)}
                          aria-label={`Record payment of ${i.number}`}
                        >
                          Record payment
                        </Button>
                      ) : (
                        "Paid"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SectionCard>
        <SectionCard title="License pools">
          {data.data?.pools.length ? (
            <ScrollTable minWidth={560} label="License pools">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Organization</Table.Th>
                    <Table.Th>Plan</Table.Th>
                    <Table.Th>Seats used</Table.Th>
                    <Table.Th>Term ends</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.pools.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.orgName}</Table.Td>
                      <Table.Td>{p.planName}</Table.Td>
                      <Table.Td>
                        {p.used} of {p.seats}
                      </Table.Td>
                      <Table.Td>{formatDate(p.endsAt, tz)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : (
            <Text c="dimmed">No pools yet.</Text>
          )}
        </SectionCard>
      </Stack>
    </>
  );
}

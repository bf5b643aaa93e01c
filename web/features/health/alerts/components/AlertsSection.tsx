import { Group, Pagination, SegmentedControl, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { type AlertStatus, useAlerts, useClaimAlert } from "../queries";
import { AlertsTable } from "./AlertsTable";

const PAGE_SIZE = 25;
const EMPTY: Record<AlertStatus, string> = {
  open: "No open alerts. Every risk alert has been claimed.",
  claimed: "Nobody has claimed an alert yet.",
  recovered: "No alert has recovered yet. An alert recovers when the client's pulse rises back above the threshold.",
  all: "No risk alerts yet. They are raised when a client's pulse drops to the alert threshold.",
};

/** Managers' view of risk alerts: filter open / claimed / all, claim one to own the follow-up. */
export function AlertsSection({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const [status, setStatus] = useState<AlertStatus>("open");
  const [page, setPage] = useState(1);
  const alerts = useAlerts(orgId, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const claim = useClaimAlert(orgId);
  const total = alerts.data?.total ?? 0;

  return (
    <SectionCard
      title="Risk alerts"
      description="Raised when a client's pulse drops to the alert threshold. Claim an alert to own the follow-up; unclaimed alerts escalate to the owners."
    >
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Which alerts"
            value={status}
            onChange={(value) => {
              setStatus(value as AlertStatus);
              setPage(1);
            }}
            data={[
              { value: "open", label: "Open" },
              { value: "claimed", label: "Claimed" },
              { value: "recovered", label: "Recovered" },
              { value: "all", label: "All" },
            ]}
          />
          <Text fz="sm" c="dimmed" role="status">
            {alerts.data ? `${total} ${total === 1 ? "alert" : "alerts"}` : ""}
          </Text>
        </Group>
        {alerts.isPending ? <LoadingBlock label="Loading alerts" /> : null}
        <ErrorAlert message={alerts.error ? errorMessage(alerts.error) : null} title="Could not load alerts" />
        {alerts.data && alerts.data.alerts.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {EMPTY[status]}
          </Text>
        ) : null}
        {alerts.data && alerts.data.alerts.length > 0 ? (
          <AlertsTable
            alerts={alerts.data.alerts}
            timeZone={timeZone}
            claimingId={claim.isPending ? (claim.variables ?? null) : null}
            onClaim={(alert) =>
              claim.mutate(alert.id, {
                onSuccess: () =>
                  notifications.show({ color: "teal", message: `You claimed the alert for ${alert.clientName}` }),
              })
            }
          />
        ) : null}
        {total > PAGE_SIZE ? (
          <Group justify="flex-end">
            <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} aria-label="Alert pages" />
          </Group>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

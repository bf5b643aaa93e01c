import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import type { Alert } from "../../../../../src/features/health/alerts/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { TextLink } from "../../../../ui/RouterLink";
import { PulseBadge } from "../../pulses/components/PulseBadge";

type AlertsTableProps = {
  alerts: Alert[];
  timeZone: string;
  onClaim: (alert: Alert) => void;
  claimingId: string | null;
};

function AlertState({ alert, timeZone }: { alert: Alert; timeZone: string }) {
  if (alert.status === "recovered") {
    return (
      <Stack gap={2}>
        <Badge color="teal.9" variant="light">
          Recovered
        </Badge>
        {alert.resolvedAt ? (
          <Text fz="xs" c="dimmed">
            {formatDateTime(alert.resolvedAt, timeZone)}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (alert.claimedBy) {
    return (
      <Stack gap={2}>
        <Text fz="sm">Claimed by {alert.claimedBy.name}</Text>
        {alert.claimedAt ? (
          <Text fz="xs" c="dimmed">
            {formatDateTime(alert.claimedAt, timeZone)}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return alert.escalatedAt ? (
    <Badge color="red.8" variant="light">
      Escalated
    </Badge>
  ) : (
    <Badge color="gray.7" variant="outline">
      Open
    </Badge>
  );
}

/** Risk alerts with the client, the level that raised them, who claimed them and a Claim button. */
export function AlertsTable({ alerts, timeZone, onClaim, claimingId }: AlertsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th>CSM</Table.Th>
            <Table.Th>Raised</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr key={alert.id}>
              <Table.Td>
                <TextLink to="/pulse/clients/$clientId" params={{ clientId: alert.clientId }} fw={600}>
                  {alert.clientName}
                </TextLink>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <PulseBadge level={alert.level} size="sm" />
                  {alert.superseded && alert.currentLevel ? (
                    <Group gap={4} wrap="nowrap">
                      <Text fz="xs" c="dimmed">
                        Now
                      </Text>
                      <PulseBadge level={alert.currentLevel} size="xs" />
                    </Group>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>{alert.assignedCsm?.name ?? <Text c="dimmed">Unassigned</Text>}</Table.Td>
              <Table.Td>{formatDateTime(alert.raisedAt, timeZone)}</Table.Td>
              <Table.Td>
                <AlertState alert={alert} timeZone={timeZone} />
              </Table.Td>
              <Table.Td ta="right">
                {alert.claimedBy || alert.status === "recovered" ? null : (
                  <Button
                    size="xs"
                    onClick={() => onClaim(alert)}
                    loading={claimingId === alert.id}
                    aria-label={`Claim the alert for ${alert.clientName}`}
                  >
                    Claim
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

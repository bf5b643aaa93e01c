import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconHeartRateMonitor, IconPencil } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { roleAtLeast, usePulseWorkspace } from "../../overview/use-pulse-workspace";
import { CurrentPulseBadge } from "../../pulses/components/CurrentPulseBadge";
import { HealthJourneyCard } from "../../pulses/components/HealthJourneyCard";
import { PulseHistoryCard } from "../../pulses/components/PulseHistoryCard";
import { SetPulseModal } from "../../pulses/components/SetPulseModal";
import { SuccessScoreCard } from "../../pulses/components/SuccessScoreCard";
import { usePulseHistory } from "../../pulses/queries";
import { todayIn } from "../calendar-date";
import { ArchiveClientButton } from "../components/ArchiveClientButton";
import { ClientFieldHistoryCard } from "../components/ClientFieldHistoryCard";
import { ClientSummaryCard } from "../components/ClientSummaryCard";
import { EditClientDrawer } from "../components/EditClientDrawer";
import { useClient } from "../queries";

const route = getRouteApi("/signed-in/pulse/clients/$clientId");

export function ClientPage() {
  const { clientId } = route.useParams();
  const { orgId, role, timeZone } = usePulseWorkspace();
  const client = useClient(orgId, clientId);
  const history = usePulseHistory(orgId, clientId);
  const [editing, edit] = useDisclosure(false);
  const [pulseDialog, setPulseDialog] = useState<{ correcting: PulseEntry | null } | null>(null);

  if (client.isPending) return <LoadingBlock label="Loading client" />;
  if (client.isError) {
    if (isApiError(client.error) && client.error.status === 404) {
      return (
        <NotFoundView
          title="Client not found"
          message="It may have been removed, or it belongs to another organization."
        />
      );
    }
    return <ErrorAlert message={errorMessage(client.error)} title="Could not load the client" />;
  }
  const data = client.data;

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <TextLink to="/pulse/clients">Clients</TextLink>
        <Anchor component="span" c="dimmed" fz="sm" underline="never">
          {data.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={data.name}
        badge={
          <Group gap={6}>
            <CurrentPulseBadge pulse={data.pulse} timeZone={timeZone} />
            {data.archived ? (
              <Badge variant="outline" color="gray.7">
                Archived
              </Badge>
            ) : null}
          </Group>
        }
        actions={
          <>
            <Button
              leftSection={<IconHeartRateMonitor size={16} aria-hidden />}
              onClick={() => setPulseDialog({ correcting: null })}
            >
              Set pulse
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
              Edit
            </Button>
            {roleAtLeast(role, "manager") ? <ArchiveClientButton orgId={orgId} client={data} /> : null}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ClientSummaryCard client={data} today={todayIn(timeZone)} />
            <HealthJourneyCard entries={history.data?.entries} timeZone={timeZone} />
            <PulseHistoryCard
              history={history}
              timeZone={timeZone}
              onCorrect={(entry) => setPulseDialog({ correcting: entry })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <SuccessScoreCard orgId={orgId} clientId={clientId} />
            <ClientFieldHistoryCard orgId={orgId} clientId={clientId} currency={data.currency} timeZone={timeZone} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EditClientDrawer orgId={orgId} client={data} timeZone={timeZone} opened={editing} onClose={edit.close} />
      <SetPulseModal
        orgId={orgId}
        clientId={clientId}
        clientName={data.name}
        timeZone={timeZone}
        opened={pulseDialog !== null}
        correcting={pulseDialog?.correcting ?? null}
        onClose={() => setPulseDialog(null)}
      />
    </>
  );
}

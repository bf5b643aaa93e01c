import { Stack, Tabs } from "@mantine/core";
import { IconAdjustmentsHorizontal, IconAlertTriangle, IconInbox } from "@tabler/icons-react";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { roleAtLeast, usePulseWorkspace } from "../../overview/use-pulse-workspace";
import { type AlertTab, validateAlertsSearch } from "../alerts-search";
import { AlertSettingsForm, AlertSettingsSummary } from "../components/AlertSettingsForm";
import { AlertsSection } from "../components/AlertsSection";
import { EmailPreferenceForm } from "../components/EmailPreferenceForm";
import { InboxSection } from "../components/InboxSection";
import { useAlertSettings } from "../queries";

/** Alerts under Pulse: managers' risk alerts, everyone's inbox, email choice and (admins) alert settings. */
export function AlertsPage() {
  const { orgId, role, timeZone } = usePulseWorkspace();
  const search = validateAlertsSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const manager = roleAtLeast(role, "manager");
  const tab: AlertTab = search.tab === "alerts" && !manager ? "inbox" : (search.tab ?? (manager ? "alerts" : "inbox"));

  return (
    <>
      <PageHeader
        title="Alerts"
        description="Risk alerts for the clients whose pulse dropped, escalations, and reminders of pulses not set."
      />
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ to: "/pulse/alerts", search: { tab: (value ?? undefined) as AlertTab } })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {manager ? (
            <Tabs.Tab value="alerts" leftSection={<IconAlertTriangle size={16} aria-hidden />}>
              Risk alerts
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="inbox" leftSection={<IconInbox size={16} aria-hidden />}>
            Inbox
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}>
            Settings
          </Tabs.Tab>
        </Tabs.List>
        {manager ? (
          <Tabs.Panel value="alerts">
            <AlertsSection orgId={orgId} timeZone={timeZone} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="inbox">
          <InboxSection orgId={orgId} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <Stack gap="lg">
            <EmailPreferenceForm orgId={orgId} />
            <AlertSettingsCard orgId={orgId} canEdit={roleAtLeast(role, "admin")} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function AlertSettingsCard({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const settings = useAlertSettings(orgId);
  return (
    <SectionCard
      title="Alert settings"
      description={canEdit ? "For the whole organization." : "Set by the organization's admins and owners."}
    >
      {settings.isPending ? <LoadingBlock label="Loading alert settings" /> : null}
      <ErrorAlert message={settings.error ? errorMessage(settings.error) : null} />
      {settings.data && canEdit ? <AlertSettingsForm orgId={orgId} settings={settings.data} /> : null}
      {settings.data && !canEdit ? <AlertSettingsSummary settings={settings.data} /> : null}
    </SectionCard>
  );
}

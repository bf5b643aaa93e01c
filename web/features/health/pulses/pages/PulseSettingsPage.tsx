import { Tabs } from "@mantine/core";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { roleAtLeast, usePulseWorkspace } from "../../overview/use-pulse-workspace";
import { MoneySettingsCard } from "../components/MoneySettingsCard";
import { ReasonCodesCard } from "../components/ReasonCodesCard";
import { ScoreFormulaCard } from "../components/ScoreFormulaCard";

export function PulseSettingsPage() {
  const { orgId, role } = usePulseWorkspace();
  if (!roleAtLeast(role, "admin")) {
    return <NotFoundView title="Admins only" message="Pulse settings are for the organization's admins and owners." />;
  }
  return (
    <>
      <PageHeader
        title="Pulse settings"
        description="The reason codes your team gives with a pulse, how the SuccessScore is computed, and the organization's money and fiscal year."
      />
      <Tabs defaultValue="reasons" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="reasons">Reason codes</Tabs.Tab>
          <Tabs.Tab value="formula">SuccessScore formula</Tabs.Tab>
          <Tabs.Tab value="money">Money and fiscal year</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reasons">
          <ReasonCodesCard orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="formula">
          <ScoreFormulaCard orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="money">
          <MoneySettingsCard orgId={orgId} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

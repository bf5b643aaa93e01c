import { Stack } from "@mantine/core";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { roleAtLeast, usePulseWorkspace } from "../../overview/use-pulse-workspace";
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
        description="The reason codes your team gives with a pulse, and how the SuccessScore is computed."
      />
      <Stack gap="lg">
        <ReasonCodesCard orgId={orgId} />
        <ScoreFormulaCard orgId={orgId} />
      </Stack>
    </>
  );
}

import { IconRoute } from "@tabler/icons-react";
import { ComingSoon } from "../../../../ui/ComingSoon";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { NoOrganizationNotice } from "../../../accounts/organizations/components/NoOrganizationNotice";

export function EngagementsPage() {
  const me = useSignedInMe();
  if (!me.activeOrganizationId) return <NoOrganizationNotice area="Engagements" />;
  return (
    <ComingSoon
      title="Engagements"
      icon={<IconRoute size={30} />}
      description="Engagements will walk you through the seven phases of the Practical CSM Framework for a real client, with live tools at each step: research checklist, engagement strategy, RACI, stakeholder plan, success proposal, adoption plan, KPIs, value realization and executive business reviews, all exportable to Excel and PowerPoint."
      highlights={[
        "Seven framework phases per client engagement",
        "RACI, stakeholder plans, WBS and critical path",
        "KPIs, value realization and EBR decks",
        "Export to Excel and PowerPoint",
      ]}
    />
  );
}

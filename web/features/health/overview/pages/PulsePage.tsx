import { IconHeartRateMonitor } from "@tabler/icons-react";
import { ComingSoon } from "../../../../ui/ComingSoon";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { NoOrganizationNotice } from "../../../accounts/organizations/components/NoOrganizationNotice";

export function PulsePage() {
  const me = useSignedInMe();
  if (!me.activeOrganizationId) return <NoOrganizationNotice area="Pulse" />;
  return (
    <ComingSoon
      title="Pulse"
      icon={<IconHeartRateMonitor size={30} />}
      description="Pulse will track the health of every client your team looks after: ARR, MRR and renewal dates, a six-point pulse with notes and reason codes, its full history and a SuccessScore. Saved segments, CSV export, risk alerts and health reports will show where to act before a renewal is at risk."
      highlights={[
        "Clients with ARR, MRR, ACV and renewal dates",
        "Six-point pulse with notes, reason codes and history",
        "SuccessScore, saved segments and CSV export",
        "Risk alerts and Current Pulse Health reports",
      ]}
    />
  );
}

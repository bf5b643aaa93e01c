import { Outlet } from "@tanstack/react-router";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { activeMembership } from "../../../accounts/organizations/active-membership";
import { NoOrganizationNotice } from "../../../accounts/organizations/components/NoOrganizationNotice";
import { PulseSectionNav } from "../components/PulseSectionNav";

/** The frame of every Pulse page: needs an active organization, shows the Pulse sub-navigation. */
export function PulseLayout() {
  const me = useSignedInMe();
  const membership = activeMembership(me);
  if (!membership) return <NoOrganizationNotice area="Pulse" />;
  return (
    <>
      <PulseSectionNav role={membership.role} />
      <Outlet />
    </>
  );
}

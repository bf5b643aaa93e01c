import type { MyOrganization } from "../../../../src/features/accounts/identity/contract";
import { useSignedInMe } from "../../accounts/identity/queries";
import { activeMembership } from "../../accounts/organizations/active-membership";

type Role = MyOrganization["role"];
const ROLE_ORDER: readonly Role[] = ["member", "manager", "admin", "owner"];

/** Whether `role` is `minimum` or above (member < manager < admin < owner). */
export const roleAtLeast = (role: Role, minimum: Role): boolean =>
  ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);

export type PulseWorkspace = { orgId: string; role: Role; userId: string; timeZone: string };

/** The active organization and the person's role in it, for pages inside the Pulse layout (which requires one). */
export function usePulseWorkspace(): PulseWorkspace {
  const me = useSignedInMe();
  const membership = activeMembership(me);
  if (!membership) throw new Error("usePulseWorkspace used outside the Pulse layout");
  return { orgId: membership.id, role: membership.role, userId: me.user.id, timeZone: me.user.timeZone };
}

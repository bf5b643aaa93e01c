import type { MeResponse, MyOrganization } from "../../../../src/features/accounts/identity/contract";

/** The person's membership in their active organization, if they have one. */
export function activeMembership(me: MeResponse): MyOrganization | undefined {
  return me.organizations.find((organization) => organization.id === me.activeOrganizationId);
}

/** Organization roles, least to most powerful. Platform admin is a separate flag on the user. */
export const ORG_ROLES = ["member", "manager", "admin", "owner"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export function roleAtLeast(role: OrgRole, minimum: OrgRole): boolean {
  return ORG_ROLES.indexOf(role) >= ORG_ROLES.indexOf(minimum);
}

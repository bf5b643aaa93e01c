import { type OrgRole, roleAtLeast } from "../../../kernel/roles.js";

export type RoleChange = {
  actorRole: OrgRole;
  actorIsTarget: boolean;
  targetRole: OrgRole;
  newRole: OrgRole | null; // null = remove from the organization
  ownerCount: number;
};

/** Why a role change or removal is not allowed, or null when it is. */
export function roleChangeRefusal(change: RoleChange): string | null {
  const { actorRole, actorIsTarget, targetRole, newRole, ownerCount } = change;
  const touchesOwner = targetRole === "owner" || newRole === "owner";
  if (touchesOwner && actorRole !== "owner") return "Only an owner can make someone an owner or change an owner.";
  if (!actorIsTarget && !roleAtLeast(actorRole, "admin"))
    return "Only admins and owners can change other people's roles.";
  if (targetRole === "owner" && newRole !== "owner" && ownerCount <= 1) {
    return "An organization needs at least one owner: make someone else an owner first.";
  }
  return null;
}

/** Who may invite with which role: admins invite up to admin, owners invite anyone. */
export function inviteRefusal(actorRole: OrgRole, role: OrgRole): string | null {
  if (!roleAtLeast(actorRole, "admin")) return "Only admins and owners can invite people.";
  if (role === "owner" && actorRole !== "owner") return "Only an owner can invite another owner.";
  return null;
}

/** A readable, URL-safe slug; the caller adds a suffix when it is taken. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "organization";
}

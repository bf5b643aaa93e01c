import type { MyOrganization } from "../../../../src/features/accounts/identity/contract";

import type { Tone } from "../../../ui/ToneBadge";

export type Role = MyOrganization["role"];

export const ROLE_LABELS: Record<Role, string> = {
  member: "Member",
  manager: "Manager",
  admin: "Admin",
  owner: "Owner",
};

export const ROLE_TONES: Record<Role, Tone> = {
  member: "gray",
  manager: "cyan",
  admin: "indigo",
  owner: "violet",
};

/** Admins and owners manage the organization's name, members and invitations. */
export function canManageOrganization(role: Role): boolean {
  return role === "admin" || role === "owner";
}

/** Roles the actor may hand out: only an owner can make someone an owner. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return ["member", "manager", "admin", "owner"];
  if (actor === "admin") return ["member", "manager", "admin"];
  return [];
}

/** Whether the actor may change or remove this member (owners only by owners; never yourself here). */
export function canEditMember(actor: Role, actorUserId: string, member: { userId: string; role: Role }): boolean {
  if (!canManageOrganization(actor) || member.userId === actorUserId) return false;
  return actor === "owner" || member.role !== "owner";
}

import { z } from "zod";
import { ORG_ROLES } from "../../../kernel/roles.js";
import { Text } from "../../../kernel/text.js";
import { Email } from "../identity/contract.js";

export const OrgRole = z.enum(ORG_ROLES);

export const OrganizationName = Text.trim()
  .min(2, "must be at least 2 characters")
  .max(120, "must be at most 120 characters");

export const CreateOrganizationBody = z.object({ name: OrganizationName });
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;
export const UpdateOrganizationBody = z.object({ name: OrganizationName });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const Organization = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.iso.datetime(),
  myRole: OrgRole,
});
export type Organization = z.infer<typeof Organization>;

export const OrgParams = z.object({ orgId: z.uuid("is not a valid organization id") });
export const MemberParams = OrgParams.extend({ userId: z.uuid("is not a valid user id") });
export const InvitationParams = OrgParams.extend({ invitationId: z.uuid("is not a valid invitation id") });

export const Member = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: OrgRole,
  /** Who the person reports to here (risk alerts go to a CSM's manager). */
  reportsToUserId: z.uuid().nullable(),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const ChangeRoleBody = z.object({ role: OrgRole });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;
export const SetManagerBody = z.object({ managerUserId: z.uuid("is not a valid user id").nullable() });
export type SetManagerBody = z.infer<typeof SetManagerBody>;

export const InviteBody = z.object({ email: Email, role: OrgRole.default("member") });
export type InviteBody = z.input<typeof InviteBody>;

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: OrgRole,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ invitations: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

/** What the person who follows an invitation link sees before accepting. */
export const InvitationPreview = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: OrgRole,
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
export const InvitationTokenParams = z.object({ token: Text.min(10).max(200) });
export const AcceptInvitationBody = z.object({ token: Text.min(10, "is not a valid link").max(200) });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

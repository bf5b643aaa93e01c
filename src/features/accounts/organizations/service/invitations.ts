import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import { hashToken, newToken } from "../../identity/secrets.js";
import { setSessionOrganization } from "../../identity/store.js";
import type { Invitation, InvitationList, InvitationPreview } from "../contract.js";
import { invitationMail } from "../mails.js";
import { inviteRefusal } from "../role-rules.js";
import * as store from "../store.js";

const INVITATION_DAYS = 7;

function status(row: store.InvitationRow, now: Date): Invitation["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

const present = (row: store.InvitationRow, invitedBy: string, now: Date): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  status: status(row, now),
});

/** Invites an address (replacing any pending invitation to it) and mails the link. */
export async function inviteMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { email: string; role: OrgRole },
): Promise<Invitation> {
  const refusal = inviteRefusal(actor.memberships.get(orgId) ?? "member", input.role);
  if (refusal) throw new AppError("rule_broken", refusal, { fields: { role: refusal } });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const org = await store.getOrganization(tx, orgId);
    if (!org) throw notFound("Organization");
    const members = await store.listMembers(tx, orgId);
    if (members.some((m) => m.email === input.email)) {
      throw new AppError("conflict", `${input.email} is already a member of ${org.name}.`, {
        fields: { email: "is already a member" },
      });
    }
    await store.revokePendingInvitations(tx, orgId, input.email, now);
    const { token, hash } = newToken();
    const row = await store.insertInvitation(tx, {
      orgId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedByUserId: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
    });
    await ctx.mail.queue(
      tx,
      invitationMail({
        to: input.email,
        inviter: actor.name,
        organization: org.name,
        role: input.role,
        link: `${ctx.appUrl}/invitations/${encodeURIComponent(token)}`,
        days: INVITATION_DAYS,
      }),
    );
    return present(row, actor.name, now);
  });
}

export async function listInvitations(ctx: AppContext, orgId: string): Promise<InvitationList> {
  const now = ctx.clock.now();
  const rows = await store.listInvitations(ctx.database.db, orgId);
  return { invitations: rows.map((r) => present(r.invitation, r.invitedBy, now)) };
}

export async function revokeInvitation(ctx: AppContext, orgId: string, invitationId: string): Promise<void> {
  const found = await store.findInvitationById(ctx.database.db, orgId, invitationId);
  if (!found || status(found.invitation, ctx.clock.now()) !== "pending") throw notFound("Pending invitation");
  await store.markInvitation(ctx.database.db, invitationId, { revokedAt: ctx.clock.now() });
}

async function pendingByToken(ctx: AppContext, token: string) {
  const found = await store.findInvitationByTokenHash(ctx.database.db, hashToken(token));
  if (!found || status(found.invitation, ctx.clock.now()) !== "pending") {
    throw new AppError("invalid_token", "This invitation is invalid, already used, revoked or expired.", {
      fields: { token: "is invalid or expired" },
    });
  }
  return found;
}

export async function previewInvitation(ctx: AppContext, token: string): Promise<InvitationPreview> {
  const found = await pendingByToken(ctx, token);
  return {
    organizationName: found.organizationName,
    email: found.invitation.email,
    role: found.invitation.role,
    invitedBy: found.invitedBy,
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

/** The signed-in user joins with the invited role; the invitation must be addressed to their email. */
export async function acceptInvitation(ctx: AppContext, actor: Actor, token: string): Promise<string> {
  const found = await pendingByToken(ctx, token);
  const invitation = found.invitation;
  if (invitation.email !== actor.email) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const existing = actor.memberships.get(invitation.orgId);
    // Accepting never lowers a role the person already has.
    if (!existing) await store.upsertMembership(tx, invitation.orgId, actor.userId, invitation.role);
    await store.markInvitation(tx, invitation.id, { acceptedAt: now, acceptedByUserId: actor.userId });
    await setSessionOrganization(tx, actor.sessionId, invitation.orgId);
  });
  ctx.actorCache.forgetUser(actor.userId);
  return invitation.orgId;
}

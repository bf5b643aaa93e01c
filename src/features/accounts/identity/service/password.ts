import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Accepted, ChangePasswordBody, PasswordResetConfirmBody } from "../contract.js";
import { passwordChangedMail, passwordResetMail } from "../mails.js";
import { hashPassword, hashToken, verifyPassword } from "../secrets.js";
import * as store from "../store.js";
import { refuseCurrentPassword, refuseWeakPassword } from "./chosen-password.js";
import { issueToken } from "./tokens.js";

const RESET_HOURS = 1; // issue 2: a reset link works once and only for one hour

/** Always accepted, so the answer never tells whether the address has an account. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<Accepted> {
  await ctx.database.db.transaction(async (tx) => {
    const user = await store.findUserByEmail(tx, email);
    if (!user) return;
    const link = await issueToken(tx, ctx, user.id, "password_reset", RESET_HOURS, "/reset-password");
    await ctx.mail.queue(tx, passwordResetMail(user.email, user.name, link));
  });
  return { message: "If an account exists for that address, we sent a link to reset the password." };
}

/** Sets the new password, confirms the address (the link proved it) and ends every session of the user. */
export async function confirmPasswordReset(ctx: AppContext, input: PasswordResetConfirmBody): Promise<Accepted> {
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.password);
  const userId = await ctx.database.db.transaction(async (tx) => {
    const userId = await store.consumeToken(tx, hashToken(input.token), "password_reset", now);
    if (!userId) {
      throw new AppError("invalid_token", "This reset link is invalid, already used or expired. Ask for a new one.", {
        fields: { token: "is invalid, used or expired" },
      });
    }
    const user = await store.findUserById(tx, userId);
    if (!user) throw notFound("User");
    // Refusing rolls the transaction back, so the link still works for a better password.
    refuseWeakPassword(input.password, user);
    await refuseCurrentPassword(user.passwordHash, input.password);
    await store.updateUser(tx, userId, { passwordHash, emailConfirmedAt: user.emailConfirmedAt ?? now }, now);
    await store.revokeOtherSessions(tx, userId, now);
    await store.clearLoginFailures(tx, user.email);
    await ctx.mail.queue(tx, passwordChangedMail(user.email, user.name));
    return userId;
  });
  ctx.actorCache.forgetUser(userId);
  return { message: "Your password was changed. Sign in with your new password." };
}

/** Changes the password with the current one; every other session of the user ends. */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordBody): Promise<Accepted> {
  const now = ctx.clock.now();
  const user = await store.findUserById(ctx.database.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid_input", "Your current password is not correct.", {
      fields: { currentPassword: "is not correct" },
    });
  }
  if (input.newPassword === input.currentPassword) {
    await refuseCurrentPassword(user.passwordHash, input.newPassword, "newPassword");
  }
  refuseWeakPassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await store.updateUser(tx, user.id, { passwordHash }, now);
    await store.revokeOtherSessions(tx, user.id, now, actor.sessionId);
    await ctx.mail.queue(tx, passwordChangedMail(user.email, user.name));
  });
  ctx.actorCache.forgetUser(user.id);
  return { message: "Your password was changed. Your other sessions were signed out." };
}

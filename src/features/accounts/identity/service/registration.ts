import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Accepted, SignupBody } from "../contract.js";
import { alreadyRegisteredMail, confirmEmailMail } from "../mails.js";
import { hashPassword, hashToken } from "../secrets.js";
import * as store from "../store.js";
import { refuseWeakPassword } from "./chosen-password.js";
import { issueToken } from "./tokens.js";

const CONFIRM_HOURS = 48;
const SIGNUP_ACCEPTED: Accepted = {
  message: "Thanks! We sent a confirmation link to your email address. Open it to finish signing up.",
};

/**
 * Creates an account and mails a confirmation link. The answer is the same whether or not the address
 * already has an account; an existing account's owner is told by mail instead.
 */
export async function signup(ctx: AppContext, input: SignupBody): Promise<Accepted> {
  refuseWeakPassword(input.password, input);
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.password);
  await ctx.database.db.transaction(async (tx) => {
    const existing = await store.findUserByEmail(tx, input.email);
    if (existing?.emailConfirmedAt) {
      const link = await issueToken(tx, ctx, existing.id, "password_reset", 1, "/reset-password");
      await ctx.mail.queue(tx, alreadyRegisteredMail(existing.email, existing.name, link));
      return;
    }
    // An unconfirmed account is taken over by whoever proves the mailbox: the newest sign-up wins.
    const user = existing
      ? await store.updateUser(tx, existing.id, { name: input.name, passwordHash }, now)
      : await store.insertUser(tx, { email: input.email, name: input.name, passwordHash });
    const link = await issueToken(tx, ctx, user.id, "email_confirm", CONFIRM_HOURS, "/confirm-email");
    await ctx.mail.queue(tx, confirmEmailMail(user.email, user.name, link));
  });
  return SIGNUP_ACCEPTED;
}

export async function confirmEmail(ctx: AppContext, token: string): Promise<Accepted> {
  const now = ctx.clock.now();
  const userId = await ctx.database.db.transaction(async (tx) => {
    const userId = await store.consumeToken(tx, hashToken(token), "email_confirm", now);
    if (!userId) {
      throw new AppError(
        "invalid_token",
        "This confirmation link is invalid or has expired. Sign in to get a new one, or sign up again.",
        { fields: { token: "is invalid or expired" } },
      );
    }
    const user = await store.findUserById(tx, userId);
    if (user && !user.emailConfirmedAt) await store.updateUser(tx, userId, { emailConfirmedAt: now }, now);
    return userId;
  });
  ctx.actorCache.forgetUser(userId);
  return { message: "Your email address is confirmed. You can sign in now." };
}

/** Sends a new confirmation link to an unconfirmed account; silent for any other address. */
export async function resendConfirmation(ctx: AppContext, email: string): Promise<Accepted> {
  await ctx.database.db.transaction(async (tx) => {
    const user = await store.findUserByEmail(tx, email);
    if (!user || user.emailConfirmedAt) return;
    const link = await issueToken(tx, ctx, user.id, "email_confirm", CONFIRM_HOURS, "/confirm-email");
    await ctx.mail.queue(tx, confirmEmailMail(user.email, user.name, link));
  });
  return { message: "If that address has an unconfirmed account, we sent a new confirmation link." };
}

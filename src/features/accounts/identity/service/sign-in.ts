import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import { listMembershipsOfUser } from "../../organizations/store.js";
import type { LoginBody } from "../contract.js";
import { dummyPasswordHash, hashToken, newToken, verifyPassword } from "../secrets.js";
import * as store from "../store.js";

export type NewSession = { token: string; expiresAt: Date; userId: string };
export type ClientInfo = { ip: string | null; userAgent: string | null };

/** Checks the password (throttled per address: at most the limit of guesses reach the check) and opens a session. */
export async function login(ctx: AppContext, input: LoginBody, client: ClientInfo): Promise<NewSession> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const windowMs = ctx.login.failureWindowMinutes * 60_000;
  const attempt = await store.reserveLoginAttempt(db, {
    email: input.email,
    ip: client.ip,
    now,
    since: new Date(now.getTime() - windowMs),
    max: ctx.login.maxFailuresPerEmail,
  });
  if (!attempt.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil((attempt.oldest.getTime() + windowMs - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError(
      "too_many_requests",
      `Too many failed sign-ins for this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
      { retryAfterSeconds },
    );
  }
  const user = await store.findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // A wrong password keeps the failure counted above.
  if (!user || !ok) throw new AppError("invalid_credentials", "Email or password is incorrect.");
  if (!user.emailConfirmedAt) {
    await store.forgetLoginFailure(db, attempt.failureId);
    throw new AppError(
      "email_not_confirmed",
      "Please confirm your email address first: open the link we mailed you, or ask for a new one.",
    );
  }
  await store.clearLoginFailures(db, input.email);
  return openSession(ctx, user.id, client);
}

export async function openSession(ctx: AppContext, userId: string, client: ClientInfo): Promise<NewSession> {
  const now = ctx.clock.now();
  const { token, hash } = newToken();
  const expiresAt = sessionEnd(ctx, now, now);
  const [first] = await listMembershipsOfUser(ctx.database.db, userId);
  await store.insertSession(ctx.database.db, {
    id: hash,
    userId,
    activeOrgId: first?.id ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt, userId };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await store.revokeSession(ctx.database.db, actor.userId, actor.sessionId, ctx.clock.now());
}

const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;

/** When a session used at `now` ends: after the idle timeout, but never past its absolute lifetime. */
function sessionEnd(ctx: AppContext, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + ctx.sessionTtlHours * 3600_000;
  return new Date(Math.min(idle, createdAt.getTime() + ctx.sessionMaxAgeDays * DAY_MS));
}

/** Sessions signed in before this instant have outlived their absolute lifetime. */
const oldestLiveSessionStart = (ctx: AppContext, now: Date) => new Date(now.getTime() - ctx.sessionMaxAgeDays * DAY_MS);

/** The signed-in actor for a session cookie, or null. Sessions slide (use extends them) up to their lifetime. */
export async function resolveActor(ctx: AppContext, token: string): Promise<Actor | null> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const sessionId = hashToken(token);
  const found = await store.findLiveSession(db, sessionId, now, oldestLiveSessionStart(ctx, now));
  if (!found) return null;
  const { session, user } = found;
  const orgs = typeof found.organizations === "string" ? JSON.parse(found.organizations) : found.organizations;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await store.touchSession(db, sessionId, {
      lastSeenAt: now,
      expiresAt: sessionEnd(ctx, session.createdAt, now),
    });
  }
  const memberships = new Map<string, OrgRole>(orgs.map((o: { id: string; role: OrgRole }) => [o.id, o.role]));
  const activeOrgId =
    session.activeOrgId && memberships.has(session.activeOrgId) ? session.activeOrgId : (orgs[0]?.id ?? null);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    sessionId,
    activeOrgId,
    memberships,
    profile: {
      timeZone: user.timeZone,
      emailConfirmed: Boolean(user.emailConfirmedAt),
      createdAt: user.createdAt.toISOString(),
      organizations: orgs,
    },
  };
}

import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import type { CachedSession } from "../../../../platform/http/actor-cache.js";
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
  ctx.actorCache.forgetSession(actor.sessionId);
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

/**
 * The signed-in actor for a session cookie, or null. Sessions slide (use extends them) up to their lifetime.
 * A session resolved in the last AUTH_CACHE_SECONDS comes from ctx.actorCache without a query; its expiry is
 * still judged by the app clock, and the sliding update is written at most once a minute per session.
 */
export async function resolveActor(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const sessionId = hashToken(token);
  const session = ctx.actorCache.get(sessionId) ?? (await loadSession(ctx, sessionId, now));
  if (!session) return null;
  if (session.expiresAt <= now || session.createdAt <= oldestLiveSessionStart(ctx, now)) {
    ctx.actorCache.forgetSession(sessionId);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Noted on the cached entry first, so concurrent requests of the session do not all write it.
    session.lastSeenAt = now;
    session.expiresAt = sessionEnd(ctx, session.createdAt, now);
    await store.touchSession(ctx.database.db, sessionId, { lastSeenAt: now, expiresAt: session.expiresAt });
  }
  return session.actor;
}

async function loadSession(ctx: AppContext, sessionId: string, now: Date): Promise<CachedSession | undefined> {
  const generation = ctx.actorCache.generation;
  const found = await store.findLiveSession(ctx.database.db, sessionId, now, oldestLiveSessionStart(ctx, now));
  if (!found) return undefined;
  const orgs = found.organizations;
  const memberships = new Map<string, OrgRole>(orgs.map((o) => [o.id, o.role]));
  const activeOrgId =
    found.activeOrgId && memberships.has(found.activeOrgId) ? found.activeOrgId : (orgs[0]?.id ?? null);
  const session: CachedSession = {
    createdAt: found.createdAt,
    expiresAt: found.expiresAt,
    lastSeenAt: found.lastSeenAt,
    actor: {
      userId: found.userId,
      email: found.email,
      name: found.name,
      isPlatformAdmin: found.isPlatformAdmin,
      sessionId,
      activeOrgId,
      memberships,
      profile: {
        timeZone: found.timeZone,
        emailConfirmed: Boolean(found.emailConfirmedAt),
        createdAt: found.userCreatedAt.toISOString(),
        organizations: orgs,
      },
    },
  };
  ctx.actorCache.set(sessionId, session, generation);
  return session;
}

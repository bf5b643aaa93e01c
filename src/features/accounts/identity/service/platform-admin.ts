import type { AppContext } from "../../../../platform/context.js";
import { hashPassword } from "../secrets.js";
import * as store from "../store.js";

/** Creates the platform admin, or updates their password and flag (PULSE_ADMIN_EMAIL / _PASSWORD, CLI). */
export async function ensurePlatformAdmin(
  ctx: Pick<AppContext, "database" | "clock"> & Partial<Pick<AppContext, "actorCache">>,
  input: { email: string; password: string; name?: string },
): Promise<{ created: boolean; userId: string }> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const existing = await store.findUserByEmail(ctx.database.db, email);
  if (existing) {
    await store.updateUser(
      ctx.database.db,
      existing.id,
      { passwordHash, isPlatformAdmin: true, emailConfirmedAt: existing.emailConfirmedAt ?? now },
      now,
    );
    ctx.actorCache?.forgetUser(existing.id);
    return { created: false, userId: existing.id };
  }
  const user = await store.insertUser(ctx.database.db, {
    email,
    name: input.name ?? "Platform admin",
    passwordHash,
    emailConfirmedAt: now,
    isPlatformAdmin: true,
  });
  return { created: true, userId: user.id };
}

/** A confirmed account created directly (demo data, CLI); an existing address is left as it is. */
export async function createConfirmedUser(
  ctx: Pick<AppContext, "database" | "clock">,
  input: { email: string; name: string; password: string },
): Promise<{ created: boolean; userId: string }> {
  const email = input.email.trim().toLowerCase();
  const existing = await store.findUserByEmail(ctx.database.db, email);
  if (existing) return { created: false, userId: existing.id };
  const user = await store.insertUser(ctx.database.db, {
    email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    emailConfirmedAt: ctx.clock.now(),
  });
  return { created: true, userId: user.id };
}

import type { AppContext } from "../../../../platform/context.js";
import type { Tx } from "../../../../platform/db/database.js";
import type { TokenPurpose } from "../schema.js";
import { newToken } from "../secrets.js";
import * as store from "../store.js";

/** Issues a one-use token (older ones of the same purpose stop working) and returns the link to mail. */
export async function issueToken(
  tx: Tx,
  ctx: Pick<AppContext, "clock" | "appUrl">,
  userId: string,
  purpose: TokenPurpose,
  hours: number,
  path: string,
): Promise<string> {
  const now = ctx.clock.now();
  await store.expireTokens(tx, userId, purpose, now);
  const { token, hash } = newToken();
  await store.insertToken(tx, {
    id: hash,
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  return `${ctx.appUrl}${path}?token=${encodeURIComponent(token)}`;
}

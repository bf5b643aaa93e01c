import type { AppContext } from "../../../../platform/context.js";
import { digestMail } from "../alert-messages.js";
import { groupBy } from "../group-by.js";
import { digestSince, utcDay } from "../reminders.js";
import * as store from "../store.js";

/**
 * Daily: each person who chose the digest gets one mail with every item not mailed yet (across their
 * organizations). Items are marked mailed in the transaction that queues the mail, so a rerun, or a
 * second worker, mails nothing twice. Returns how many digests were queued.
 */
export async function sendDigests(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  let sent = 0;
  for (const [userId, items] of groupBy(await store.listDigestItems(db, digestSince(now)), (i) => i.userId)) {
    await db.transaction(async (tx) => {
      const claimed = new Set(
        await store.markEmailed(
          tx,
          userId,
          items.map((i) => i.id),
          now,
        ),
      );
      const mine = items.filter((i) => claimed.has(i.id));
      const first = mine[0];
      if (!first) return;
      const entries = mine.map((i) => ({ title: i.title, body: i.body, link: i.link ?? "/", orgName: i.orgName }));
      await ctx.mail.queue(tx, digestMail(first.email, entries, utcDay(now), ctx.appUrl));
      sent++;
    });
  }
  return sent;
}

import type { AppContext } from "../../../../platform/context.js";
import type { Tx } from "../../../../platform/db/database.js";
import { type NotificationText, notificationMail } from "../alert-messages.js";
import type { NotificationKind } from "../contract.js";
import * as store from "../store.js";

export type NotificationDraft = NotificationText & { kind: NotificationKind; subjectKey: string };

/**
 * Puts the item in each person's inbox once, and mails at once those who chose real-time mail, in the
 * caller's transaction: a retried job finds the items there and sends nothing again. Digest readers
 * get it in the daily digest; "off" means inbox only. Returns how many people got a new item.
 */
export async function deliverNotification(
  tx: Tx,
  ctx: AppContext,
  orgId: string,
  recipients: store.Recipient[],
  draft: NotificationDraft,
): Promise<number> {
  const now = ctx.clock.now();
  let delivered = 0;
  for (const person of recipients) {
    const item = await store.insertNotification(tx, {
      orgId,
      userId: person.userId,
      kind: draft.kind,
      subjectKey: draft.subjectKey,
      title: draft.title,
      body: draft.body,
      link: draft.link,
      createdAt: now,
    });
    if (!item) continue;
    delivered++;
    if (person.emailMode === "realtime") {
      await ctx.mail.queue(tx, notificationMail(person.email, draft, ctx.appUrl));
      await store.markEmailed(tx, person.userId, [item.id], now);
    }
  }
  return delivered;
}

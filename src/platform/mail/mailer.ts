import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { Db, Tx } from "../db/database.js";
import { defineJob, type JobLogger, type Jobs } from "../jobs/jobs.js";
import { mailMessages } from "./schema.js";

export type OutgoingMail = { to: string; subject: string; text: string };

export type MailTransport = { send: (mail: OutgoingMail & { from: string }) => Promise<void> } | null;

/** nodemailer over SMTP when a URL is given; null means "keep mail in the outbox table". */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export const deliverMailPayload = z.object({ messageId: z.uuid() });

/** The job that hands a stored message to SMTP, or leaves it in the outbox when there is no SMTP. */
export function deliverMailJob(deps: { db: Db; transport: MailTransport; from: string; log: JobLogger }) {
  return defineJob({
    name: "mail.deliver",
    payload: deliverMailPayload,
    retryLimit: 8,
    retryDelaySeconds: 10,
    handler: async ({ messageId }) => {
      const [message] = await deps.db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
      // Idempotent: a message already delivered (or stored) is never sent twice.
      if (!message || message.status === "sent" || message.status === "stored") return;
      if (!deps.transport) {
        await deps.db
          .update(mailMessages)
          .set({ status: "stored", deliveredAt: new Date() })
          .where(eq(mailMessages.id, messageId));
        deps.log.info(
          { to: message.toAddress, subject: message.subject, messageId },
          "mail stored in the outbox (no SMTP_URL): platform admins read it at Admin > Outbox",
        );
        return;
      }
      try {
        await deps.transport.send({
          from: deps.from,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
        });
      } catch (error) {
        await deps.db
          .update(mailMessages)
          .set({ attempts: message.attempts + 1, lastError: String(error) })
          .where(eq(mailMessages.id, messageId));
        throw error;
      }
      await deps.db
        .update(mailMessages)
        .set({ status: "sent", attempts: message.attempts + 1, deliveredAt: new Date(), lastError: null })
        .where(eq(mailMessages.id, messageId));
      deps.log.info({ to: message.toAddress, subject: message.subject, messageId }, "mail sent");
    },
  });
}

export type MailQueue = {
  /** Stores the message and queues its delivery in the caller's transaction. */
  queue: (tx: Tx, mail: OutgoingMail) => Promise<string>;
};

export function createMailQueue(jobs: Jobs, job: ReturnType<typeof deliverMailJob>): MailQueue {
  return {
    queue: async (tx, mail) => {
      const [row] = await tx
        .insert(mailMessages)
        .values({ toAddress: mail.to, subject: mail.subject, textBody: mail.text })
        .returning({ id: mailMessages.id });
      const id = (row as { id: string }).id;
      await jobs.send(job, { messageId: id }, { tx });
      return id;
    },
  };
}

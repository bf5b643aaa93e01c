import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test-support/factories.js";
import { startSmtpSink } from "../../../test-support/smtp-sink.js";
import { buildTestApp, type TestApp } from "../../../test-support/test-app.js";
import { createMailTransport, type MailTransport } from "./mailer.js";

describe("mail delivery", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let smtpUp = true;
  beforeAll(async () => {
    sink = await startSmtpSink();
    const real = createMailTransport(sink.url);
    // A transport that can be "down", to prove failed deliveries are retried, not lost.
    const flaky: MailTransport = {
      send: async (mail) => {
        if (!smtpUp) throw new Error("connect ECONNREFUSED");
        await real?.send(mail);
      },
    };
    t = await buildTestApp({ transport: flaky });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it("sends queued mail over real SMTP exactly once", async () => {
    const user = await buildUser(t.ctx);
    await t.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: user.email } });
    expect((await t.lastMailTo(user.email))?.status).toBe("queued");
    await t.ctx.jobs.drain();
    const mine = sink.received.filter((m) => m.to.includes(user.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe("Reset your Pulse password");
    expect(mine[0]?.text).toMatch(/http:\/\/pulse\.test\/reset-password\?token=[\w-]{43}\n/);
    expect((await t.lastMailTo(user.email))?.status).toBe("sent");
    await t.ctx.jobs.drain();
    expect(sink.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it("keeps a message queued with its error while SMTP is down and delivers it on a retry", async () => {
    const user = await buildUser(t.ctx);
    smtpUp = false;
    await t.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: user.email } });
    await t.ctx.jobs.drain();
    expect(await t.lastMailTo(user.email)).toMatchObject({ status: "queued" });
    smtpUp = true;
    // pg-boss retries after the queue's retry delay; make the retry due now.
    await t.runtime.database.executeSql("update pgboss.job set start_after = now() where state = 'retry'");
    await t.ctx.jobs.drain();
    expect(await t.lastMailTo(user.email)).toMatchObject({ status: "sent" });
    expect(sink.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });
});

describe("mail without SMTP", () => {
  it("keeps mail in the outbox, readable by platform admins only", async () => {
    const t = await buildTestApp();
    try {
      const user = await buildUser(t.ctx);
      await t.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: user.email } });
      await t.ctx.jobs.drain();
      expect((await t.lastMailTo(user.email))?.status).toBe("stored");
      const denied = await t.app.inject({ method: "GET", url: "/api/admin/outbox", headers: { cookie: user.cookie } });
      expect(denied.statusCode).toBe(403);
      const { ensurePlatformAdmin } = await import("../../features/accounts/identity/service.js");
      const admin = await buildUser(t.ctx, { email: "staff@example.test" });
      await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
      const outbox = await t.app.inject({
        method: "GET",
        url: `/api/admin/outbox?to=${encodeURIComponent(user.email)}`,
        headers: { cookie: admin.cookie },
      });
      expect(outbox.json().total).toBe(1);
      expect(outbox.json().messages[0]).toMatchObject({
        to: user.email,
        status: "stored",
        subject: "Reset your Pulse password",
      });
    } finally {
      await t.close();
    }
  });
});

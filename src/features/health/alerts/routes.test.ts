import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { mailMessages } from "../../../platform/mail/schema.js";
import { addMember } from "../../accounts/organizations/service.js";
import { getHealthSettings, saveHealthSettings } from "../settings/store.js";
import { escalateAlertsEvent, remindCsmsEvent, sendDigestsEvent } from "./jobs.js";
import { postAlertWebhook, raiseAlert, resolveRecoveredAlerts } from "./service.js";
import { webhookSender } from "./webhook-sender.js";
import { verifyWebhookSignature } from "./webhook-signature.js";

type Person = { userId: string; email: string; cookie: string };
type Inbox = {
  notifications: { id: string; kind: string; title: string; alertId: string | null }[];
  unreadCount: number;
};
const HOUR = 3_600_000;

describe.each(TEST_ENGINES)("risk alerts on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let owner: Person;
  let admin: Person; // chooses the daily digest
  let quietAdmin: Person; // chooses no mail
  let manager: Person; // the CSM's manager
  let otherManager: Person;
  let csm: Person;
  let member: Person;

  const call = (method: "GET" | "POST" | "PUT", url: string, who: Person, body?: object, org = orgId) =>
    t.app.inject({ method, url: `/api/organizations/${org}${url}`, payload: body, headers: { cookie: who.cookie } });
  const inbox = async (who: Person): Promise<Inbox> => (await call("GET", "/notifications", who)).json();
  const mailsTo = async (who: Person) =>
    t.ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, who.email));
  const runJob = async (job: { name: string; payload: unknown }) => {
    await t.ctx.jobs.send(job as { name: string; payload: never }, {} as never);
    await t.ctx.jobs.drain();
  };
  const newClient = async (name: string, csmId: string | null = csm.userId) =>
    (await call("POST", "/clients", csm, { name, assignedCsmId: csmId })).json().id as string;
  const reasonId = async (code: string) =>
    (await call("GET", "/reason-codes", csm)).json().reasonCodes.find((r: { code: string }) => r.code === code).id;
  const setPulse = async (clientId: string, level: string, who: Person = csm, extra: object = {}) => {
    clock.advance(60_000); // keeps the inbox order (newest first) unambiguous
    const res = await call("POST", `/clients/${clientId}/pulses`, who, { level, ...extra });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const alertsList = async (status = "all") =>
    (await call("GET", `/alerts?status=${status}`, manager)).json().alerts as {
      id: string;
      clientId: string;
      clientName: string;
      level: string;
      claimedBy: { id: string; name: string } | null;
      escalatedAt: string | null;
      superseded: boolean;
      currentLevel: string | null;
      status: string;
      resolvedAt: string | null;
      resolvedByEntryId: string | null;
    }[];
  const alertOf = async (clientId: string) => (await alertsList()).find((a) => a.clientId === clientId);

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Alerts Co");
    orgId = org.orgId;
    owner = org.owner;
    admin = await buildMember(t.ctx, orgId, "admin");
    quietAdmin = await buildMember(t.ctx, orgId, "admin");
    manager = await buildMember(t.ctx, orgId, "manager");
    otherManager = await buildMember(t.ctx, orgId, "manager");
    csm = await buildMember(t.ctx, orgId, "member");
    member = await buildMember(t.ctx, orgId, "member");
    await addMember(t.ctx.database.db, orgId, csm.userId, "member", manager.userId);
    expect((await call("PUT", "/notification-preferences", admin, { emailMode: "digest" })).json()).toEqual({
      emailMode: "digest",
    });
    await call("PUT", "/notification-preferences", quietAdmin, { emailMode: "off" });
  });
  afterAll(async () => t?.close());

  it("raises one alert for a High Risk pulse and tells the CSM's manager and the executives once each", async () => {
    const clientId = await newClient("Globex");
    const entryId = await setPulse(clientId, "high_risk", csm, {
      note: "Budget frozen until Q2",
      reasonCodeIds: [await reasonId("budget_cuts")],
    });
    await t.ctx.jobs.drain();

    for (const who of [manager, owner, admin, quietAdmin]) {
      const { notifications, unreadCount } = await inbox(who);
      expect(notifications).toHaveLength(1);
      expect(notifications[0]).toMatchObject({ kind: "risk_alert", title: "Globex is at High Risk" });
      expect(unreadCount).toBe(1);
    }
    for (const who of [csm, member, otherManager]) expect((await inbox(who)).notifications).toEqual([]);

    const mail = await t.lastMailTo(manager.email);
    expect(mail?.subject).toBe("[Pulse] Globex is at High Risk");
    expect(mail?.text).toContain("Budget frozen until Q2");
    expect(mail?.text).toContain(`Open in Pulse: http://pulse.test/pulse/clients/${clientId}`);
    expect((await call("GET", "/notifications", manager)).json().notifications[0].link).toBe(
      `/pulse/clients/${clientId}`,
    );
    expect(await t.lastMailTo(owner.email)).toBeDefined();
    expect(await t.lastMailTo(admin.email)).toBeUndefined(); // digest
    expect(await t.lastMailTo(quietAdmin.email)).toBeUndefined(); // off

    // The job runs again (a retry): nothing new.
    const payload = { orgId, clientId, entryId, rank: 2, recordedBy: csm.userId };
    expect(await raiseAlert(t.ctx, payload)).toBeNull();
    expect(await raiseAlert(t.ctx, payload)).toBeNull();
    expect((await inbox(manager)).notifications).toHaveLength(1);
    expect(await mailsTo(manager)).toHaveLength(1);

    const alert = await alertOf(clientId);
    expect(alert).toMatchObject({ clientName: "Globex", level: "high_risk", claimedBy: null, escalatedAt: null });
    expect((await inbox(manager)).notifications[0]?.alertId).toBe(alert?.id);
    expect((await call("GET", "/alerts", csm)).statusCode).toBe(403);
  });

  it("raises nothing for a Satisfied pulse or for a back-dated entry that is not the current pulse", async () => {
    const before = (await alertsList()).length;
    const clientId = await newClient("Initech");
    await setPulse(clientId, "satisfied");
    await setPulse(clientId, "severe_risk", csm, { effectiveAt: "2026-10-01T00:00:00Z" });
    await t.ctx.jobs.drain();
    expect(await alertsList()).toHaveLength(before);
    expect((await inbox(manager)).notifications).toHaveLength(1);
  });

  it("follows the organization's threshold and leaves out the person who set the pulse", async () => {
    const settings = { alertThreshold: "high_risk", escalateAfterHours: 24, reminderDays: 30, webhookUrl: null };
    expect((await call("PUT", "/health-settings", owner, settings)).statusCode).toBe(200);
    const someRisk = await newClient("Hooli");
    await setPulse(someRisk, "some_risk");
    await t.ctx.jobs.drain();
    expect(await alertOf(someRisk)).toBeUndefined();

    const clientId = await newClient("Umbrella");
    await setPulse(clientId, "severe_risk", owner);
    await t.ctx.jobs.drain();
    expect(await alertOf(clientId)).toMatchObject({ level: "severe_risk" });
    expect((await inbox(owner)).notifications.map((n) => n.title)).not.toContain("Umbrella is at Severe Risk");
    expect((await inbox(manager)).notifications[0]?.title).toBe("Umbrella is at Severe Risk");
  });

  it("lets managers and the client's CSM claim an alert, once", async () => {
    const clientId = await newClient("Soylent");
    await setPulse(clientId, "high_risk");
    await t.ctx.jobs.drain();
    const alert = await alertOf(clientId);
    if (!alert) throw new Error("no alert raised");

    const refused = await call("POST", `/alerts/${alert.id}/claim`, member);
    expect(refused.statusCode).toBe(403);
    const claimed = await call("POST", `/alerts/${alert.id}/claim`, csm);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json().claimedBy).toEqual({ id: csm.userId, name: "A member" });
    expect((await call("POST", `/alerts/${alert.id}/claim`, csm)).statusCode).toBe(200);
    const late = await call("POST", `/alerts/${alert.id}/claim`, manager);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe("A member already claimed this alert.");

    const open = await alertsList("open");
    expect(open.map((a) => a.id)).not.toContain(alert.id);
    expect((await alertsList("claimed")).map((a) => a.id)).toContain(alert.id);

    const other = await newClient("Stark");
    await setPulse(other, "high_risk");
    await t.ctx.jobs.drain();
    const otherAlert = await alertOf(other);
    expect((await call("POST", `/alerts/${otherAlert?.id}/claim`, owner)).statusCode).toBe(200);
  });

  it("escalates an unclaimed alert once after the set hours and tells the owners", async () => {
    const claimedClient = await newClient("Wayne");
    await setPulse(claimedClient, "high_risk");
    const recovered = await newClient("Tyrell");
    await setPulse(recovered, "high_risk");
    const clientId = await newClient("Acme");
    await setPulse(clientId, "high_risk");
    await t.ctx.jobs.drain();
    await setPulse(recovered, "very_satisfied");
    const alert = await alertOf(clientId);
    await call("POST", `/alerts/${(await alertOf(claimedClient))?.id}/claim`, manager);
    expect(await alertOf(recovered)).toMatchObject({ superseded: true, currentLevel: "very_satisfied" });

    clock.advance(23 * HOUR);
    await runJob(escalateAlertsEvent);
    expect((await alertOf(clientId))?.escalatedAt).toBeNull();

    clock.advance(HOUR);
    await runJob(escalateAlertsEvent);
    expect((await alertOf(clientId))?.escalatedAt).toBe(clock.now().toISOString());
    expect((await alertOf(claimedClient))?.escalatedAt).toBeNull();
    expect((await alertOf(recovered))?.escalatedAt).toBeNull();
    const escalations = () =>
      inbox(owner).then((i) => i.notifications.filter((n) => n.kind === "alert_escalated" && n.alertId === alert?.id));
    expect(await escalations()).toHaveLength(1);
    const ownerMail = (await mailsTo(owner)).map((m) => m.subject);
    expect(ownerMail.filter((s) => s === "[Pulse] Unclaimed for 24 h: Acme (High Risk)")).toHaveLength(1);
    expect((await inbox(admin)).notifications.some((n) => n.kind === "alert_escalated")).toBe(false);

    clock.advance(HOUR);
    await runJob(escalateAlertsEvent);
    expect(await escalations()).toHaveLength(1);
  });

  it("mails each digest reader one digest of what was not mailed yet, once", async () => {
    const pending = (await inbox(admin)).notifications.length;
    expect(pending).toBeGreaterThan(0);
    await runJob(sendDigestsEvent);
    const digests = await mailsTo(admin);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toMatch(/^\[Pulse\] Your daily digest for \d{4}-\d{2}-\d{2}: \d+ notifications$/);
    expect(digests[0]?.textBody).toContain("Globex is at High Risk (Alerts Co)");
    expect(await mailsTo(quietAdmin)).toHaveLength(0);

    await runJob(sendDigestsEvent);
    expect(await mailsTo(admin)).toHaveLength(1);
  });

  it("reminds each CSM once a day of their clients without a recent pulse", async () => {
    const fresh = await newClient("Fresh Co");
    await setPulse(fresh, "very_satisfied");
    const never = await newClient("Never Co");
    const archived = await newClient("Gone Co");
    await call("POST", `/clients/${archived}/archive`, manager);
    const reminders = async () => (await inbox(csm)).notifications.filter((n) => n.kind === "pulse_reminder");

    await runJob(remindCsmsEvent);
    expect(await reminders()).toHaveLength(1);
    const mail = await t.lastMailTo(csm.email);
    expect(mail?.text).toContain("Never Co (never set)");
    expect(mail?.text).not.toContain("Fresh Co");
    expect(mail?.text).not.toContain("Gone Co");
    expect(never).toBeDefined();

    await runJob(remindCsmsEvent);
    expect(await reminders()).toHaveLength(1);
    clock.advance(31 * 24 * HOUR);
    await runJob(remindCsmsEvent);
    expect(await reminders()).toHaveLength(2);
    expect((await t.lastMailTo(csm.email))?.text).toContain("Fresh Co (last pulse");
  });

  it("marks inbox items read, one or all", async () => {
    const { notifications, unreadCount } = await inbox(manager);
    const first = notifications[0];
    if (!first) throw new Error("empty inbox");
    const read = await call("POST", `/notifications/${first.id}/read`, manager);
    expect(read.json().readAt).toBe(clock.now().toISOString());
    expect((await inbox(manager)).unreadCount).toBe(unreadCount - 1);
    expect((await call("GET", "/notifications?unread=true", manager)).json().notifications).toHaveLength(
      unreadCount - 1,
    );
    expect((await call("POST", "/notifications/read-all", manager)).json()).toEqual({ updated: unreadCount - 1 });
    expect((await inbox(manager)).unreadCount).toBe(0);
    expect((await call("POST", `/notifications/${first.id}/read`, owner)).statusCode).toBe(404);
  });

  it("validates alert settings, lets only admins change them and shows the webhook to admins only", async () => {
    const bad = await call("PUT", "/health-settings", admin, {
      alertThreshold: "satisfied",
      escalateAfterHours: 0,
      reminderDays: 1000,
      webhookUrl: "ftp://example.test/hook",
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      "alertThreshold",
      "escalateAfterHours",
      "reminderDays",
      "webhookUrl",
    ]);
    const noSecret = await call("PUT", "/health-settings", admin, {
      alertThreshold: "some_risk",
      escalateAfterHours: 48,
      reminderDays: 30,
      webhookUrl: "https://hooks.example.test/T000",
    });
    expect(noSecret.json().error.fields).toEqual({ webhookSecret: "is required when a webhook URL is set" });
    const settings = {
      alertThreshold: "some_risk",
      escalateAfterHours: 48,
      reminderDays: 30,
      webhookUrl: "https://hooks.example.test/T000",
      webhookSecret: "s3cret-s3cret-s3cret",
    };
    expect((await call("PUT", "/health-settings", manager, settings)).statusCode).toBe(403);
    const saved = await call("PUT", "/health-settings", admin, settings);
    expect(saved.json()).toEqual({
      alertThreshold: "some_risk",
      escalateAfterHours: 48,
      reminderDays: 30,
      webhookUrl: "https://hooks.example.test/T000",
      webhookConfigured: true,
      webhookSecretSet: true,
      primaryMetric: "arr",
      currency: "USD",
      fiscalStartMonth: 1,
    });
    const seenByMember = (await call("GET", "/health-settings", member)).json();
    expect(seenByMember).toMatchObject({ webhookUrl: null, webhookConfigured: true, webhookSecretSet: true });
    expect(JSON.stringify(seenByMember)).not.toContain("s3cret");
    // Saving again without a secret keeps the stored one.
    const { webhookSecret: _kept, ...withoutSecret } = settings;
    expect((await call("PUT", "/health-settings", admin, withoutSecret)).json().webhookSecretSet).toBe(true);
    const cleared = await call("PUT", "/health-settings", admin, { ...withoutSecret, webhookUrl: null });
    expect(cleared.json()).toMatchObject({ webhookConfigured: false, webhookSecretSet: false });
  });

  it("sets the primary metric, currency and fiscal start month, validating each and keeping them when omitted", async () => {
    const base = { alertThreshold: "some_risk", escalateAfterHours: 48, reminderDays: 30, webhookUrl: null };
    const bad = await call("PUT", "/health-settings", admin, {
      ...base,
      primaryMetric: "profit",
      currency: "XYZ",
      fiscalStartMonth: 13,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      primaryMetric: "must be one of arr, mrr, acv",
      currency: "is not a known currency code",
      fiscalStartMonth: "must be 1 (January) to 12 (December)",
    });
    const shape = await call("PUT", "/health-settings", admin, { ...base, currency: "euro", fiscalStartMonth: 2.5 });
    expect(shape.json().error.fields).toEqual({
      currency: "must be a 3-letter currency code (e.g. USD)",
      fiscalStartMonth: "must be a whole month number",
    });
    const body = { ...base, primaryMetric: "mrr", currency: "eur", fiscalStartMonth: 2 };
    expect((await call("PUT", "/health-settings", manager, body)).statusCode).toBe(403);
    const saved = await call("PUT", "/health-settings", admin, body);
    expect(saved.json()).toMatchObject({ primaryMetric: "mrr", currency: "EUR", fiscalStartMonth: 2 });
    // Omitted: kept. The report facets and segment quarters (fiscal year from February) follow the saved values.
    const again = await call("PUT", "/health-settings", admin, { ...base, reminderDays: 14 });
    expect(again.json()).toMatchObject({
      reminderDays: 14,
      primaryMetric: "mrr",
      currency: "EUR",
      fiscalStartMonth: 2,
    });
    expect((await call("GET", "/health-settings", member)).json()).toMatchObject({ currency: "EUR" });
    expect((await call("GET", "/reports/facets", member)).json()).toMatchObject({ primaryMetric: "mrr" });
    const q1 = await call("POST", "/segments/preview", member, { filter: { renewalQuarter: "next_quarter" } });
    expect(q1.statusCode).toBe(200);
    expect(q1.json().totals.currency).toBe("EUR");
    expect(q1.json().resolved.renewalFrom).toMatch(/^\d{4}-(02|05|08|11)-01$/);
    await call("PUT", "/health-settings", admin, {
      ...base,
      primaryMetric: "arr",
      currency: "USD",
      fiscalStartMonth: 1,
    });
  });

  it("refuses webhook URLs that point at private, loopback or link-local addresses", async () => {
    const base = {
      alertThreshold: "some_risk",
      escalateAfterHours: 48,
      reminderDays: 30,
      webhookSecret: "s".repeat(20),
    };
    for (const webhookUrl of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.1.2.3/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]:9000/hook",
      "http://[::ffff:192.168.0.10]/hook",
      "http://[fd00::5]/hook",
    ]) {
      const res = await call("PUT", "/health-settings", admin, { ...base, webhookUrl });
      expect(res.statusCode, webhookUrl).toBe(400);
      expect(res.json().error.fields).toEqual({
        webhookUrl: "must not point to a private, loopback or link-local address",
      });
    }
    expect((await call("GET", "/health-settings", admin)).json().webhookConfigured).toBe(false);
  });

  it("delivers each alert at least once with an idempotency key, never twice, and re-checks the address when sending", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let answer = 200;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answer;
        res.end(answer === 200 ? "ok" : "down");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
    const secret = "webhook-secret-0123456789";
    // The receiver is on loopback, which the API refuses: store the URL as if its name had resolved to a
    // public address when it was saved and was re-pointed since (DNS rebinding).
    const settings = await getHealthSettings(t.ctx.database.db, orgId);
    await saveHealthSettings(t.ctx.database.db, { ...settings, webhookUrl: url, webhookSecret: secret }, clock.now());
    const loopbackAllowed = webhookSender((address) => address === "127.0.0.1");
    try {
      const clientId = await newClient("Cyberdyne");
      await setPulse(clientId, "severe_risk", csm, { note: "Champion left" });
      // The job's sender resolves localhost to 127.0.0.1 at send time and does not connect.
      await t.ctx.jobs.drain();
      expect(received).toHaveLength(0);
      const alert = await alertOf(clientId);
      const event = { orgId, alertId: alert?.id ?? "" };
      expect(await postAlertWebhook(t.ctx, event)).toBe("blocked");
      expect(received).toHaveLength(0);

      // A receiver that fails makes the job throw, so pg-boss retries it: at least once.
      answer = 503;
      await expect(postAlertWebhook(t.ctx, event, loopbackAllowed)).rejects.toThrow(/503/);
      answer = 200;
      expect(await postAlertWebhook(t.ctx, event, loopbackAllowed)).toBe("sent");
      expect(received).toHaveLength(2);
      const [failed, delivery] = received;
      expect(failed?.headers["idempotency-key"]).toBe(alert?.id);
      expect(delivery?.headers["idempotency-key"]).toBe(alert?.id);
      expect(delivery?.headers["x-pulse-delivery"]).toBe(alert?.id);
      const body = JSON.parse(delivery?.body ?? "{}");
      expect(body.text).toContain("Cyberdyne is at Severe Risk");
      expect(body.blocks).toHaveLength(3);
      const signature = String(delivery?.headers["x-pulse-signature"]);
      expect(verifyWebhookSignature(delivery?.body ?? "", secret, signature)).toBe(true);

      // Accepted once: the job running again (a retry, a second delivery of the event) sends nothing.
      expect(await postAlertWebhook(t.ctx, event, loopbackAllowed)).toBe("already_sent");
      await t.ctx.jobs.drain();
      expect(received).toHaveLength(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await saveHealthSettings(t.ctx.database.db, { ...settings, webhookUrl: null, webhookSecret: null }, clock.now());
    }
  });

  it("resolves an alert as recovered when the current pulse rises above the threshold, once, and never escalates it", async () => {
    const clientId = await newClient("Soylent");
    await setPulse(clientId, "severe_risk");
    await t.ctx.jobs.drain();
    const raised = await alertOf(clientId);
    expect(raised).toMatchObject({ status: "open", resolvedAt: null, resolvedByEntryId: null });
    expect((await alertsList("open")).some((a) => a.clientId === clientId)).toBe(true);

    // A back-dated Satisfied entry is not the current pulse: the alert stays open.
    await setPulse(clientId, "satisfied", csm, { effectiveAt: "2026-10-01T00:00:00Z" });
    await t.ctx.jobs.drain();
    expect((await alertOf(clientId))?.status).toBe("open");

    const entryId = await setPulse(clientId, "satisfied");
    await t.ctx.jobs.drain();
    const resolved = await call("GET", `/alerts?status=recovered`, manager);
    const mine = resolved.json().alerts.find((a: { clientId: string }) => a.clientId === clientId);
    expect(mine).toMatchObject({
      id: raised?.id,
      status: "recovered",
      resolvedAt: clock.now().toISOString(),
      resolvedByEntryId: entryId,
    });
    expect((await alertsList("open")).some((a) => a.clientId === clientId)).toBe(false);
    expect((await alertsList("claimed")).some((a) => a.clientId === clientId)).toBe(false);

    // The job runs again (a retry): nothing changes.
    const payload = { orgId, clientId, entryId, rank: 5, recordedBy: csm.userId };
    expect(await resolveRecoveredAlerts(t.ctx, payload)).toEqual([]);
    expect((await alertOf(clientId))?.resolvedByEntryId).toBe(entryId);

    // Long after: a recovered alert never escalates.
    clock.advance(24 * 30 * HOUR);
    await runJob(escalateAlertsEvent);
    expect((await alertOf(clientId))?.escalatedAt).toBeNull();
  });

  it("resolves nothing for a pulse still at or below the threshold", async () => {
    const clientId = await newClient("Cyberdyne");
    await setPulse(clientId, "severe_risk");
    await t.ctx.jobs.drain();
    const first = await alertOf(clientId);
    const entryId = await setPulse(clientId, "severe_risk");
    await t.ctx.jobs.drain();
    expect(await resolveRecoveredAlerts(t.ctx, { orgId, clientId, entryId, rank: 1, recordedBy: null })).toEqual([]);
    const open = (await alertsList("open")).filter((a) => a.clientId === clientId);
    expect(open.map((a) => a.id)).toContain(first?.id);
  });

  it("never shows or lets anyone claim another organization's alerts", async () => {
    const stranger = (await buildOrganization(t.ctx, "Rival Co")).owner;
    const alert = (await alertsList())[0];
    if (!alert) throw new Error("no alerts");
    expect((await call("GET", "/alerts", stranger)).statusCode).toBe(404);
    expect((await call("POST", `/alerts/${alert.id}/claim`, stranger)).statusCode).toBe(404);
    const rivalOrg = (
      await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: stranger.cookie } })
    ).json().organizations[0].id as string;
    const viaOwnOrg = await call("POST", `/alerts/${alert.id}/claim`, stranger, undefined, rivalOrg);
    expect(viaOwnOrg.statusCode).toBe(404);
    expect(viaOwnOrg.json().error.message).toBe("Alert was not found.");
    expect((await call("GET", "/alerts?status=all", stranger, undefined, rivalOrg)).json().alerts).toEqual([]);
    const managerItem = (await inbox(manager)).notifications[0];
    const readOther = await call("POST", `/notifications/${managerItem?.id}/read`, stranger, undefined, rivalOrg);
    expect(readOther.statusCode).toBe(404);
  });
});

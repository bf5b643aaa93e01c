import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { type Clock, fixedClock } from "../../../../kernel/clock.js";
import { ensurePlatformAdmin } from "../../../accounts/identity/service.js";
import { ensurePlan } from "../../catalog/service.js";
import { cpdEntriesOf } from "../service.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";

const parse = (ics: string) => {
  const vcal = new ICAL.Component(ICAL.parse(ics));
  const vevent = vcal.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { method: vcal.getFirstPropertyValue("method"), event: new ICAL.Event(vevent), vevent };
};

describe.each(TEST_ENGINES)("CPD live events (%s)", (engine) => {
  let t: TestApp;
  const now = new Date("2026-03-02T09:00:00Z");
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let locked: Awaited<ReturnType<typeof buildUser>>;
  let staff: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: { ...fixedClock(now), now: () => new Date(now) } as Clock });
    await buildCpdCatalog(t.ctx.database.db);
    a = await buildUser(t.ctx, { email: "events-a@example.test" });
    b = await buildUser(t.ctx, { email: "events-b@example.test" });
    locked = await buildUser(t.ctx, { email: "events-locked@example.test" });
    staff = await buildUser(t.ctx, { email: "events-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
    await ensurePlan(t.ctx, a.userId, "cpd");
    await ensurePlan(t.ctx, b.userId, "full");
  });
  afterAll(async () => t?.close());

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const event = {
    title: "Renewal playbooks that work",
    heading: "Retention",
    host: "Pulse",
    kind: "live_training",
    startsAt: "2026-03-10T15:00:00Z",
    endsAt: "2026-03-10T16:30:00Z",
    timeZone: "Europe/London",
    joinUrl: "https://meet.example.test/renewals",
    capacity: 1,
    description: "Live training on renewals.",
  };

  it("staff publish; bad input is a 400 with fields; learners without Level 5 get 403", async () => {
    const bad = await call("POST", "/api/admin/academy/cpd/events", staff.cookie, {
      ...event,
      kind: "party",
      endsAt: "2026-03-10T14:00:00Z",
      timeZone: "Mars/Olympus",
    });
    expect(bad.statusCode).toBe(400);
    expect(await call("POST", "/api/admin/academy/cpd/events", a.cookie, event)).toMatchObject({ statusCode: 403 });
    expect((await call("GET", "/api/academy/cpd/events", locked.cookie)).statusCode).toBe(403);
  });

  it("registers, waitlists when full, promotes on cancel; lists by heading and month", async () => {
    const created = await call("POST", "/api/admin/academy/cpd/events", staff.cookie, event);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const url = `/api/academy/cpd/events/${id}/registration`;
    expect((await call("POST", url, a.cookie)).json()).toMatchObject({ myStatus: "registered", registeredCount: 1 });
    expect((await call("POST", url, b.cookie)).json()).toMatchObject({ myStatus: "waitlisted", waitlistCount: 1 });
    expect((await call("DELETE", url, a.cookie)).json()).toMatchObject({ myStatus: "cancelled", registeredCount: 1 });
    const list = (await call("GET", "/api/academy/cpd/events?month=2026-03", b.cookie)).json();
    expect(list.headings).toHaveLength(1);
    expect(list.headings[0].heading).toBe("Retention");
    expect(list.headings[0].events[0]).toMatchObject({ id, myStatus: "registered", minutes: 90 });
    const april = (await call("GET", "/api/academy/cpd/events?month=2026-04", b.cookie)).json();
    expect(april.headings).toEqual([]);
    expect((await call("GET", "/api/academy/cpd/events?month=2026-13", b.cookie)).statusCode).toBe(400);
  });

  it("the .ics keeps its UID and bumps SEQUENCE on a change; a cancellation sends METHOD:CANCEL", async () => {
    const id = (await call("POST", "/api/admin/academy/cpd/events", staff.cookie, { ...event, capacity: null })).json()
      .id as string;
    const ics = `/api/academy/cpd/events/${id}/event.ics`;
    const first = await call("GET", ics, a.cookie);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toContain("text/calendar");
    const v1 = parse(first.body);
    expect(v1.method).toBe("REQUEST");
    expect(v1.event.sequence).toBe(0);
    expect(v1.event.summary).toBe(event.title);
    expect(v1.event.startDate.toJSDate().toISOString()).toBe("2026-03-10T15:00:00.000Z");

    const patched = await call("PATCH", `/api/admin/academy/cpd/events/${id}`, staff.cookie, {
      title: "Renewal playbooks (moved)",
      startsAt: "2026-03-11T15:00:00Z",
      endsAt: "2026-03-11T16:00:00Z",
    });
    expect(patched.statusCode).toBe(200);
    const v2 = parse((await call("GET", ics, a.cookie)).body);
    expect(v2.event.uid).toBe(v1.event.uid);
    expect(v2.event.sequence).toBe(1);
    expect(v2.event.summary).toBe("Renewal playbooks (moved)");
    expect(v2.event.startDate.toJSDate().toISOString()).toBe("2026-03-11T15:00:00.000Z");

    expect((await call("POST", `/api/admin/academy/cpd/events/${id}/cancellation`, staff.cookie)).statusCode).toBe(200);
    const v3 = parse((await call("GET", ics, a.cookie)).body);
    expect(v3.method).toBe("CANCEL");
    expect(v3.event.uid).toBe(v1.event.uid);
    expect(v3.event.sequence).toBe(2);
    expect(v3.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect((await call("POST", `/api/academy/cpd/events/${id}/registration`, a.cookie)).statusCode).toBe(409);
  });

  it("attendance adds the minutes once, as live or workshops", async () => {
    const live = (
      await call("POST", "/api/admin/academy/cpd/events", staff.cookie, { ...event, capacity: null })
    ).json().id as string;
    const workshop = (
      await call("POST", "/api/admin/academy/cpd/events", staff.cookie, {
        ...event,
        kind: "workshop",
        capacity: null,
        endsAt: "2026-03-10T17:00:00Z",
      })
    ).json().id as string;
    for (const id of [live, workshop]) await call("POST", `/api/academy/cpd/events/${id}/registration`, a.cookie);
    const mark = (id: string) =>
      call("POST", `/api/admin/academy/cpd/events/${id}/attendance`, staff.cookie, { userIds: [a.userId, b.userId] });
    expect((await mark(live)).json()).toEqual({ marked: 1, recorded: 1, notRegistered: [b.userId] });
    expect((await mark(live)).json()).toEqual({ marked: 1, recorded: 0, notRegistered: [b.userId] });
    expect((await mark(workshop)).json()).toMatchObject({ recorded: 1 });
    const entries = await cpdEntriesOf(t.ctx, a.userId, { key: "ccsmp" });
    const ofEvents = entries.filter((e) => e.itemId === live || e.itemId === workshop);
    expect(ofEvents.map((e) => [e.source, e.minutes]).sort()).toEqual([
      ["live", 90],
      ["workshops", 120],
    ]);
    const view = (await call("GET", "/api/academy/cpd/events?month=2026-03", a.cookie)).json();
    const mine = view.headings[0].events.find((e: { id: string }) => e.id === live);
    expect(mine.attended).toBe(true);
  });
});

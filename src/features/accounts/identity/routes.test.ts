import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, FACTORY_PASSWORD } from "../../../../test-support/factories.js";
import { buildTestApp, linkIn, sessionCookie, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

const json = (app: TestApp, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: object, cookie?: string) =>
  app.app.inject({ method, url, payload: body, headers: cookie ? { cookie } : {} });

describe.each(TEST_ENGINES)("identity routes on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
  });
  afterAll(async () => t?.close());

  it("signs up, confirms by the mailed link, signs in, reads /api/me and signs out", async () => {
    const signup = await json(t, "POST", "/api/auth/signup", {
      name: "Ada Lovelace",
      email: " Ada@Example.test ",
      password: "a-long-password",
    });
    expect(signup.statusCode).toBe(201);

    const early = await json(t, "POST", "/api/auth/login", { email: "ada@example.test", password: "a-long-password" });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe("email_not_confirmed");

    const mail = await t.lastMailTo("ada@example.test");
    expect(mail?.subject).toMatch(/Confirm your email/);
    const { path, token } = linkIn(mail?.text ?? "");
    expect(path).toBe("/confirm-email");
    expect((await json(t, "POST", "/api/auth/confirm-email", { token })).statusCode).toBe(200);
    expect((await json(t, "POST", "/api/auth/confirm-email", { token })).json().error.code).toBe("invalid_token");

    const login = await json(t, "POST", "/api/auth/login", { email: "ADA@example.test", password: "a-long-password" });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === "pulse_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await json(t, "GET", "/api/me", undefined, sessionCookie(login));
    expect(me.json().user).toMatchObject({ name: "Ada Lovelace", email: "ada@example.test", emailConfirmed: true });

    expect((await json(t, "POST", "/api/auth/logout", {}, sessionCookie(login))).statusCode).toBe(204);
    expect((await json(t, "GET", "/api/me", undefined, sessionCookie(login))).statusCode).toBe(401);
  });

  it("answers the session probe with 200 whether or not someone is signed in", async () => {
    const user = await buildUser(t.ctx);
    const anonymous = await json(t, "GET", "/api/auth/session");
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    const stale = await json(t, "GET", "/api/auth/session", undefined, "pulse_session=not-a-session");
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toEqual({ me: null });
    const signedIn = await json(t, "GET", "/api/auth/session", undefined, user.cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me.user).toMatchObject({ id: user.userId, email: user.email });
  });

  it("answers sign-up the same for a taken address and tells its owner by mail", async () => {
    const user = await buildUser(t.ctx);
    const again = await json(t, "POST", "/api/auth/signup", {
      name: "X",
      email: user.email,
      password: "another-password",
    });
    const fresh = await json(t, "POST", "/api/auth/signup", {
      name: "Y",
      email: "brand-new@example.test",
      password: "another-password",
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(fresh.json());
    expect((await t.lastMailTo(user.email))?.subject).toBe("You already have a Pulse account");
    const login = await json(t, "POST", "/api/auth/login", { email: user.email, password: FACTORY_PASSWORD });
    expect(login.statusCode).toBe(200);
  });

  it("refuses common passwords and ones holding the email or name at sign-up, saying why", async () => {
    const signup = (password: string) =>
      json(t, "POST", "/api/auth/signup", { name: "Grace Brewster", email: "grace.hopper@example.test", password });
    const reasons = {
      "1234567890": "is a commonly used password",
      password12: "is a commonly used password",
      "          ": "must not be only spaces",
      "pulse-demo-password": "is too easy to guess: it is made of Pulse's own words",
      "grace.hopper-2026": "must not contain your email address",
      "brewster-rules-the-navy": "must not contain your name",
    };
    for (const [password, reason] of Object.entries(reasons)) {
      const res = await signup(password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.fields, password).toEqual({ password: reason });
    }
    expect(await t.lastMailTo("grace.hopper@example.test")).toBeUndefined();
    expect((await signup("compilers at sea 1952")).statusCode).toBe(201);
  });

  it("gives one answer for a wrong password and an unknown address", async () => {
    const user = await buildUser(t.ctx);
    const wrong = await json(t, "POST", "/api/auth/login", { email: user.email, password: "not-the-password" });
    const unknown = await json(t, "POST", "/api/auth/login", { email: "nobody@example.test", password: "whatever1" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("throttles sign-in per address after five failures with a 429 and Retry-After", async () => {
    const user = await buildUser(t.ctx);
    for (let i = 0; i < 5; i++) {
      expect((await json(t, "POST", "/api/auth/login", { email: user.email, password: `wrong-${i}` })).statusCode).toBe(
        401,
      );
    }
    const blocked = await json(t, "POST", "/api/auth/login", { email: user.email, password: FACTORY_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Too many failed sign-ins.*Try again in 15 minutes/);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect(
      (await json(t, "POST", "/api/auth/login", { email: user.email, password: FACTORY_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it("lets at most five of 50 simultaneous wrong passwords reach the password check", async () => {
    const user = await buildUser(t.ctx);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        json(t, "POST", "/api/auth/login", { email: user.email, password: `wrong-guess-${i}` }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    // 401 is an answer from the password check; 429 is the lockout, before any check.
    expect(codes.filter((c) => c === 401).length).toBe(5);
    expect(codes.filter((c) => c === 401).length + codes.filter((c) => c === 429).length).toBe(50);
    clock.advance(16 * 60_000);
  });

  it("resets a forgotten password by a link that works once, for one hour, and ends other sessions", async () => {
    const user = await buildUser(t.ctx);
    const unknown = await json(t, "POST", "/api/auth/password-reset", { email: "ghost@example.test" });
    const known = await json(t, "POST", "/api/auth/password-reset", { email: user.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());

    const { token } = linkIn((await t.lastMailTo(user.email))?.text ?? "");
    const weak = await json(t, "POST", "/api/auth/password-reset/confirm", { token, password: "short" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/at least 10/);

    const common = await json(t, "POST", "/api/auth/password-reset/confirm", { token, password: "qwertyuiop" });
    expect(common.json().error.fields).toEqual({ password: "is a commonly used password" });
    const same = await json(t, "POST", "/api/auth/password-reset/confirm", { token, password: FACTORY_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual({ password: "must differ from your current password" });
    const ok = await json(t, "POST", "/api/auth/password-reset/confirm", { token, password: "brand-new-password" });
    expect(ok.statusCode).toBe(200);
    expect((await json(t, "GET", "/api/me", undefined, user.cookie)).statusCode).toBe(401);
    const twice = await json(t, "POST", "/api/auth/password-reset/confirm", { token, password: "other-new-password" });
    expect(twice.statusCode).toBe(422);
    expect(
      (await json(t, "POST", "/api/auth/login", { email: user.email, password: "brand-new-password" })).statusCode,
    ).toBe(200);

    await json(t, "POST", "/api/auth/password-reset", { email: user.email });
    const late = linkIn((await t.lastMailTo(user.email))?.text ?? "").token;
    clock.advance(61 * 60_000);
    const expired = await json(t, "POST", "/api/auth/password-reset/confirm", {
      token: late,
      password: "late-new-password",
    });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.fields.token).toBe("is invalid, used or expired");
  });

  it("changes the password with the current one and signs out the other sessions only", async () => {
    const user = await buildUser(t.ctx);
    const other = await json(t, "POST", "/api/auth/login", { email: user.email, password: FACTORY_PASSWORD });
    const wrong = await json(
      t,
      "POST",
      "/api/me/password",
      { currentPassword: "nope", newPassword: "a-new-password" },
      user.cookie,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: "is not correct" });
    const change = (newPassword: string) =>
      json(t, "POST", "/api/me/password", { currentPassword: FACTORY_PASSWORD, newPassword }, user.cookie);
    const same = await change(FACTORY_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual({ newPassword: "must differ from your current password" });
    expect((await change("Password12")).json().error.fields).toEqual({ newPassword: "is a commonly used password" });
    expect((await change(`${user.email}!`)).json().error.fields).toEqual({
      newPassword: "must not contain your email address",
    });
    const ok = await change("a-new-password");
    expect(ok.statusCode).toBe(200);
    expect((await json(t, "GET", "/api/me", undefined, user.cookie)).statusCode).toBe(200);
    expect((await json(t, "GET", "/api/me", undefined, sessionCookie(other))).statusCode).toBe(401);
  });

  it("edits the profile and rejects bad input field by field, keeping what was saved", async () => {
    const user = await buildUser(t.ctx);
    const ok = await json(t, "PATCH", "/api/me", { name: "Grace Hopper", timeZone: "Europe/Paris" }, user.cookie);
    expect(ok.json().user).toMatchObject({ name: "Grace Hopper", timeZone: "Europe/Paris" });
    const bad = await json(t, "PATCH", "/api/me", { name: "", timeZone: "Mars/Olympus" }, user.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({ name: "is required", timeZone: "is not a known time zone" });
    expect((await json(t, "GET", "/api/me", undefined, user.cookie)).json().user.name).toBe("Grace Hopper");
  });

  it("lists sessions and revokes one", async () => {
    const user = await buildUser(t.ctx);
    const second = await json(t, "POST", "/api/auth/login", { email: user.email, password: FACTORY_PASSWORD });
    const list = (await json(t, "GET", "/api/me/sessions", undefined, user.cookie)).json().sessions;
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await json(t, "DELETE", `/api/me/sessions/${other.id}`, undefined, user.cookie)).statusCode).toBe(204);
    expect((await json(t, "GET", "/api/me", undefined, sessionCookie(second))).statusCode).toBe(401);
    expect((await json(t, "DELETE", `/api/me/sessions/${other.id}`, undefined, user.cookie)).statusCode).toBe(404);
  });

  it("expires sessions after their lifetime", async () => {
    const user = await buildUser(t.ctx);
    clock.advance(25 * 3600_000);
    expect((await json(t, "GET", "/api/me", undefined, user.cookie)).statusCode).toBe(401);
  });

  it("ends a session 30 days after sign-in however much it is used", async () => {
    const user = await buildUser(t.ctx);
    const me = async () => (await json(t, "GET", "/api/me", undefined, user.cookie)).statusCode;
    // Used every 20 hours, so the 24-hour idle timeout never ends it.
    for (let hours = 20; hours <= 700; hours += 20) {
      clock.advance(20 * 3600_000);
      expect(await me(), `after ${hours} hours`).toBe(200);
    }
    clock.advance(19 * 3600_000); // 719 hours: an hour before the 30 days are up
    expect(await me()).toBe(200);
    const [session] = (await json(t, "GET", "/api/me/sessions", undefined, user.cookie)).json().sessions;
    expect(new Date(session.expiresAt).getTime() - new Date(session.createdAt).getTime()).toBe(30 * 24 * 3600_000);
    clock.advance(2 * 3600_000);
    expect(await me()).toBe(401);
  });
});

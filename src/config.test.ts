import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to PGlite in ./data on port 3000 with demo data", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: "./data", demo: true, appUrl: "http://localhost:3000" });
    expect(c.databaseUrl).toBeUndefined();
  });

  it("lists every problem at once", () => {
    expect(() => loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", SMTP_URL: "http://x" })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", SMTP_URL: "http://x" });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL: must be a postgres:// URL");
      expect(message).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
    }
  });

  it("needs the admin email and password together", () => {
    expect(() => loadConfig({ PULSE_ADMIN_EMAIL: "a@b.co" })).toThrow(/must be set together/);
    expect(loadConfig({ PULSE_ADMIN_EMAIL: "A@B.co", PULSE_ADMIN_PASSWORD: "lantern river copper" }).admin).toEqual({
      email: "a@b.co",
      password: "lantern river copper",
    });
  });

  it("refuses a weak admin password at start, saying why", () => {
    const admin = (password: string) => () =>
      loadConfig({ PULSE_ADMIN_EMAIL: "ops@example.test", PULSE_ADMIN_PASSWORD: password });
    expect(admin("password12")).toThrow(/PULSE_ADMIN_PASSWORD: is a commonly used password/);
    expect(admin("0123456789")).toThrow(/PULSE_ADMIN_PASSWORD: is too easy to guess: it repeats or counts/);
    expect(admin("pulse-demo-password")).toThrow(/PULSE_ADMIN_PASSWORD: is too easy to guess/);
    expect(admin("ops@example.test-2026")).toThrow(/PULSE_ADMIN_PASSWORD: must not contain your email address/);
    expect(admin("short")).toThrow(/PULSE_ADMIN_PASSWORD: must be at least 10 characters/);
  });

  it("builds APP_URL from PORT unless set, and keeps the issuer id apart from it", () => {
    expect(loadConfig({ PORT: "4101" })).toMatchObject({
      appUrl: "http://localhost:4101",
      issuerUrl: "http://localhost:4101",
    });
    expect(loadConfig({ PORT: "4101", APP_URL: "https://pulse.example.com" }).issuerUrl).toBe(
      "https://pulse.example.com",
    );
    expect(loadConfig({ APP_URL: "https://new.example.com/", ISSUER_URL: "https://old.example.com/" })).toMatchObject({
      appUrl: "https://new.example.com",
      issuerUrl: "https://old.example.com",
    });
    expect(() => loadConfig({ ISSUER_URL: "not a url" })).toThrow(/ISSUER_URL/);
  });

  it("ends sessions after 30 days unless SESSION_MAX_AGE_DAYS says otherwise", () => {
    expect(loadConfig({}).sessionMaxAgeDays).toBe(30);
    expect(loadConfig({ SESSION_MAX_AGE_DAYS: "7" }).sessionMaxAgeDays).toBe(7);
    expect(() => loadConfig({ SESSION_MAX_AGE_DAYS: "0" })).toThrow(/SESSION_MAX_AGE_DAYS/);
  });

  it("reads booleans and a trailing slash in APP_URL", () => {
    const c = loadConfig({ PULSE_DEMO: "false", APP_URL: "https://pulse.example.com/" });
    expect(c.demo).toBe(false);
    expect(c.appUrl).toBe("https://pulse.example.com");
  });

  it("sizes the PostgreSQL pool with DATABASE_POOL_SIZE (default 10)", () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: "25" }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: "2.5" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("caches the signed-in actor for AUTH_CACHE_SECONDS (default 5; 0 turns the cache off)", () => {
    expect(loadConfig({}).authCacheSeconds).toBe(5);
    expect(loadConfig({ AUTH_CACHE_SECONDS: "0" }).authCacheSeconds).toBe(0);
    expect(loadConfig({ AUTH_CACHE_SECONDS: "1.5" }).authCacheSeconds).toBe(1.5);
    expect(() => loadConfig({ AUTH_CACHE_SECONDS: "-1" })).toThrow(/AUTH_CACHE_SECONDS/);
    expect(() => loadConfig({ AUTH_CACHE_SECONDS: "301" })).toThrow(/AUTH_CACHE_SECONDS/);
  });
});

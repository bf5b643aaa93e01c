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
    expect(loadConfig({ PULSE_ADMIN_EMAIL: "A@B.co", PULSE_ADMIN_PASSWORD: "0123456789" }).admin).toEqual({
      email: "a@b.co",
      password: "0123456789",
    });
  });

  it("reads booleans and a trailing slash in APP_URL", () => {
    const c = loadConfig({ PULSE_DEMO: "false", APP_URL: "https://pulse.example.com/" });
    expect(c.demo).toBe(false);
    expect(c.appUrl).toBe("https://pulse.example.com");
  });
});

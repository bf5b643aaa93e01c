import { describe, expect, it } from "vitest";
import { CreateAdminInput } from "./create-admin.js";

const reasons = (input: object) =>
  CreateAdminInput.safeParse(input).error?.issues.map((i) => `--${i.path.join(".")}: ${i.message}`) ?? [];

describe("pulse create-admin input", () => {
  it("refuses a short, common or personal password with the option it names", () => {
    expect(reasons({ email: "ops@example.test", password: "xq7-kz" })).toEqual([
      "--password: must be at least 10 characters",
    ]);
    expect(reasons({ email: "ops@example.test", password: "1234567890" })).toEqual([
      "--password: is a commonly used password",
    ]);
    expect(reasons({ email: "ops@example.test", password: "pulse-demo-password" })).toEqual([
      "--password: is too easy to guess: it is made of Pulse's own words",
    ]);
    expect(reasons({ email: "operations@example.test", password: "operations-2026!" })).toEqual([
      "--password: must not contain your email address",
    ]);
    expect(reasons({ email: "ops@example.test", password: "winifred-at-work", name: "Winifred Ops" })).toEqual([
      "--password: must not contain your name",
    ]);
  });

  it("accepts a strong password", () => {
    expect(reasons({ email: "ops@example.test", password: "lantern river copper 7" })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.js";

describe("the password policy", () => {
  it("refuses the weak passwords of issue 9", () => {
    expect(passwordProblem("1234567890")).toBe("is a commonly used password");
    expect(passwordProblem("password12")).toBe("is a commonly used password");
    expect(passwordProblem("          ")).toBe("must not be only spaces");
    expect(passwordProblem("pulse-demo-password")).toBe("is too easy to guess: it is made of Pulse's own words");
  });

  it("compares with the common list without regard to case, spaces or separators", () => {
    expect(passwordProblem("PassWord12")).toBe("is a commonly used password");
    expect(passwordProblem("  qwertyuiop ")).toBe("is a commonly used password");
    expect(passwordProblem("pass word-12")).toBe("is a commonly used password");
  });

  it("refuses one short pattern repeated and plain sequences", () => {
    for (const p of ["aaaaaaaaaa", "abababababab", "1231231231", "abcdefghij", "zyxwvutsrq"]) {
      expect(passwordProblem(p), p).toBe("is too easy to guess: it repeats or counts");
    }
  });

  it("refuses Pulse's own words with only digits or separators added", () => {
    expect(passwordProblem("Pulse-Academy-2026")).toMatch(/Pulse's own words/);
    expect(passwordProblem("admin_password_1")).toMatch(/Pulse's own words/);
    expect(passwordProblem("my pulse is racing")).toBeNull();
  });

  it("refuses the owner's email address, its local part and words of their name", () => {
    const owner = { email: "ada.lovelace@example.test", name: "Ada Lovelace" };
    expect(passwordProblem("ada.lovelace@example.test", owner)).toBe("must not contain your email address");
    expect(passwordProblem("ADA.LOVELACE-rocks-2026", owner)).toBe("must not contain your email address");
    expect(passwordProblem("i am lovelace forever", { name: "Ada Lovelace" })).toBe("must not contain your name");
    expect(passwordProblem("tomas garcia rules", { name: "Tomás García" })).toBe("must not contain your name");
    // The domain is not the owner's: a password may mention "example".
    expect(passwordProblem("an example of a phrase", owner)).toBeNull();
  });

  it("accepts long passphrases and random strings", () => {
    expect(passwordProblem("correct horse battery", { email: "user-1a2b@example.test", name: "Test User" })).toBeNull();
    expect(passwordProblem("q8#Lm2!vRt0z")).toBeNull();
    expect(passwordProblem("brand-new-password")).toBeNull();
  });
});

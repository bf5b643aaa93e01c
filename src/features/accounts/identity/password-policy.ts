import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * What makes a chosen password too easy to guess (ASVS 5.0 §6.2), beyond the length that the
 * `NewPassword` contract checks: a common password (the zxcvbn-ts list of about 49,000), a password
 * made only of this product's own words, one short pattern repeated or a plain sequence, and one that
 * contains the owner's email address or name. No composition rules. Pure: every rule is a function of
 * its arguments; the list becomes a Set the first time it is needed.
 */

/** Words of Pulse itself, which an attacker tries first here (ASVS 6.2.11: context-specific words). */
const CONTEXT_WORDS = ["pulse", "demo", "password", "passwd", "academy", "northwind", "ccsmp", "admin", "login"];

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
};

/** Lower case, accents dropped: how passwords and names are compared. */
const fold = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Without spaces and the usual separators, so "pass word-12" compares as "password12". */
const squeeze = (s: string): string => s.replace(/[\s\-_.+]+/g, "");

/** Whether `s` is one pattern of at most three characters repeated ("aaaa…", "abab…", "1231…"). */
function repeatsShortPattern(s: string): boolean {
  for (let k = 1; k <= 3; k++) {
    let same = true;
    for (let i = k; i < s.length && same; i++) same = s[i] === s[i - k];
    if (same) return true;
  }
  return false;
}

/** Whether every character code steps by the same +1 or -1 ("abcdefghij", "9876543210"). */
function isSequence(s: string): boolean {
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Whether the letters (digits and separators removed) are nothing but Pulse's own words. */
function onlyContextWords(s: string): boolean {
  const letters = s.replace(/[^a-z]+/g, "");
  if (!letters) return false;
  const reachable = [true, ...Array<boolean>(letters.length).fill(false)];
  for (let i = 0; i < letters.length; i++) {
    if (!reachable[i]) continue;
    for (const word of CONTEXT_WORDS) if (letters.startsWith(word, i)) reachable[i + word.length] = true;
  }
  return reachable[letters.length] === true;
}

/** The parts of an email address or name a password may not contain (three characters or more). */
function personalParts(text: string | null | undefined): string[] {
  if (!text) return [];
  const folded = fold(text.trim());
  const parts = [squeeze(folded), ...folded.split(/[^\p{L}\p{N}]+/u)];
  return parts.filter((p) => p.length >= 3);
}

export type PasswordOwner = { email?: string | null; name?: string | null };

/** Why `password` may not be chosen by `owner`, as a field reason, or null when it may. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  const folded = fold(password);
  const squeezed = squeeze(folded);
  if (!squeezed) return "must not be only spaces";
  const list = commonPasswords();
  if (list.has(folded) || list.has(folded.trim()) || list.has(squeezed)) return "is a commonly used password";
  if (repeatsShortPattern(squeezed) || isSequence(squeezed)) return "is too easy to guess: it repeats or counts";
  if (onlyContextWords(squeezed)) return "is too easy to guess: it is made of Pulse's own words";
  const email = fold(owner.email?.trim() ?? "");
  const local = email.includes("@") ? email.slice(0, email.lastIndexOf("@")) : email;
  const contains = (parts: string[]) => parts.some((p) => folded.includes(p) || squeezed.includes(p));
  if (contains([email, ...personalParts(local)].filter((p) => p.length >= 3))) {
    return "must not contain your email address";
  }
  if (contains(personalParts(owner.name))) return "must not contain your name";
  return null;
}

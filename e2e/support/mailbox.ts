import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MAIL_DIR } from "./e2e-env.js";

export type ReceivedMail = { to: string[]; subject: string; text: string; receivedAt: string };
export type MailWithLink = ReceivedMail & { link: string };

function readAll(): ReceivedMail[] {
  const dir = resolve(MAIL_DIR);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  // File names start with the arrival time, so sorting puts the newest last.
  return names.sort().map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as ReceivedMail);
}

/** The first http(s) link in a mail's text. */
export function firstLink(text: string): string | undefined {
  return /https?:\/\/[^\s<>"')]+/.exec(text)?.[0];
}

/** Waits (up to 15 s) for the newest mail to `to` whose subject matches, and returns it with its first link. */
export async function waitForMail(to: string, subject: RegExp, options: { after?: Date } = {}): Promise<MailWithLink> {
  const deadline = Date.now() + 15_000;
  const address = to.toLowerCase();
  while (Date.now() < deadline) {
    const match = readAll()
      .filter((mail) => mail.to.includes(address) && subject.test(mail.subject))
      .filter((mail) => !options.after || new Date(mail.receivedAt) >= options.after)
      .at(-1);
    const link = match ? firstLink(match.text) : undefined;
    if (match && link) return { ...match, link };
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`No mail to ${to} with subject ${subject} arrived within 15 s`);
}

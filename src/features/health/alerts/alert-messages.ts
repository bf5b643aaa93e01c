import { PULSE_LABELS, type PulseLevel } from "../pulses/pulse-levels.js";

/** A mail as the mailer queues it. */
export type Mail = { to: string; subject: string; text: string };

/** What an inbox item says; mails and the digest reuse it. */
export type NotificationText = { title: string; body: string; link: string };

export const ALERTS_PATH = "/pulse/alerts";
export const PREFERENCES_PATH = "/pulse/alerts?tab=settings";
export const CLIENTS_PATH = "/pulse";
/** The client's page, where an alert about it is acted on. */
export const clientPath = (clientId: string) => `/pulse/clients/${encodeURIComponent(clientId)}`;

export type RiskFacts = {
  clientId: string;
  clientName: string;
  level: PulseLevel;
  note: string;
  reasons: string[];
  setByName: string | null;
  csmName: string | null;
};

const MAX_NOTE = 500;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function riskAlertText(f: RiskFacts): NotificationText {
  const lines = [
    `${f.setByName ?? "Someone"} set ${f.clientName} to ${PULSE_LABELS[f.level]}.`,
    f.csmName ? `Assigned CSM: ${f.csmName}.` : "No CSM is assigned.",
  ];
  if (f.reasons.length) lines.push(`Reasons: ${f.reasons.join(", ")}.`);
  if (f.note) lines.push(`Note: ${clip(f.note, MAX_NOTE)}`);
  return {
    title: `${f.clientName} is at ${PULSE_LABELS[f.level]}`,
    body: lines.join("\n"),
    link: clientPath(f.clientId),
  };
}

export function escalationText(f: {
  clientId: string;
  clientName: string;
  level: PulseLevel;
  hours: number;
}): NotificationText {
  return {
    title: `Unclaimed for ${f.hours} h: ${f.clientName} (${PULSE_LABELS[f.level]})`,
    body: `Nobody has claimed the ${PULSE_LABELS[f.level]} alert for ${f.clientName} in ${f.hours} hours. Claim it, or ask someone to.`,
    link: clientPath(f.clientId),
  };
}

const MAX_LISTED = 20;

/** The daily reminder: the CSM's clients whose pulse was not set in `days` days. */
export function reminderText(clients: { name: string; lastPulseDay: string | null }[], days: number): NotificationText {
  const n = clients.length;
  const listed = clients
    .slice(0, MAX_LISTED)
    .map((c) => `- ${c.name} (${c.lastPulseDay ? `last pulse ${c.lastPulseDay}` : "never set"})`);
  if (n > MAX_LISTED) listed.push(`…and ${n - MAX_LISTED} more`);
  return {
    title: `${n} ${n === 1 ? "client needs" : "clients need"} a pulse`,
    body: [`Not set in the last ${days} days:`, ...listed].join("\n"),
    link: CLIENTS_PATH,
  };
}

const footer = (appUrl: string) =>
  `\n\n--\nYou get this because you look after clients in Pulse. Choose real-time, a daily digest or no email at ${appUrl}${PREFERENCES_PATH}`;

/** A real-time mail for one inbox item. */
export function notificationMail(to: string, n: NotificationText, appUrl: string): Mail {
  return {
    to,
    subject: `[Pulse] ${n.title}`,
    text: `${n.body}\n\nOpen in Pulse: ${appUrl}${n.link}${footer(appUrl)}`,
  };
}

/** One mail with every item the person has not been mailed yet. */
export function digestMail(
  to: string,
  items: (NotificationText & { orgName: string })[],
  day: string,
  appUrl: string,
): Mail {
  const n = items.length;
  const sections = items.map((i) => `${i.title} (${i.orgName})\n${i.body}\n${appUrl}${i.link}`);
  return {
    to,
    subject: `[Pulse] Your daily digest for ${day}: ${n} ${n === 1 ? "notification" : "notifications"}`,
    text: `${sections.join("\n\n")}${footer(appUrl)}`,
  };
}

// Slack treats &, < and > as control characters in message text.
const slackEscape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A Slack-compatible incoming-webhook message: `text` for any receiver, `blocks` for Slack. */
export function slackMessage(f: RiskFacts, appUrl: string) {
  const text = riskAlertText(f);
  const url = `${appUrl}${clientPath(f.clientId)}`;
  return {
    text: `${text.title}. ${text.body.split("\n")[0]} ${url}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: clip(text.title, 150) } },
      { type: "section", text: { type: "mrkdwn", text: slackEscape(text.body) } },
      { type: "context", elements: [{ type: "mrkdwn", text: `<${url}|Open the client in Pulse>` }] },
    ],
  };
}

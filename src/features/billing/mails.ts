import type { OutgoingMail } from "../../platform/mail/mailer.js";
import { BILLING_PAGES } from "./contract.js";
import { dateText, moneyText } from "./money-text.js";

export type MailPerson = { email: string; name: string; timeZone: string };
type Facts = {
  person: MailPerson;
  planName: string;
  amountMinor: number;
  currency: string;
  periodEnd: Date | null;
  graceEndsAt?: Date | null;
  appUrl: string;
  testMode: boolean;
  receiptNumber?: string;
};

const NO_MONEY = "Test mode: no card was charged and no money moved.";

function mail(f: Facts, subject: string, lines: string[]): OutgoingMail {
  const body = [`Hello ${f.person.name},`, "", ...lines, "", `Your billing page: ${f.appUrl}${BILLING_PAGES.billing}`];
  if (f.testMode) body.push("", NO_MONEY);
  return { to: f.person.email, subject, text: body.join("\n") };
}

const when = (f: Facts, d: Date | null | undefined) => (d ? dateText(d, f.person.timeZone) : "");
const amount = (f: Facts) => moneyText(f.amountMinor, f.currency);
const cancelLink = (f: Facts) => `${f.appUrl}${BILLING_PAGES.cancel}`;

/** The mail of each subscription event; reminders name the date, the amount and the cancel link. */
export const billingMails = {
  activated: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription is active`, [
      `Thank you: your ${f.planName} subscription is active until ${when(f, f.periodEnd)} and your levels are open now.`,
      `Paid: ${amount(f)} for one year. Receipt ${f.receiptNumber ?? ""} (PDF on your billing page).`,
      `It renews automatically every year; we will remind you before it does. Cancel any time: ${cancelLink(f)}`,
    ]),
  renewed: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription was renewed`, [
      `Your ${f.planName} subscription was renewed for another year, until ${when(f, f.periodEnd)}.`,
      `Paid: ${amount(f)}. Receipt ${f.receiptNumber ?? ""} (PDF on your billing page).`,
    ]),
  reminder: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription renews on ${when(f, f.periodEnd)}`, [
      `Your ${f.planName} subscription renews automatically on ${when(f, f.periodEnd)} for ${amount(f)} (one year).`,
      "Nothing to do if you want to keep learning.",
      `To cancel, open this link before that date: ${cancelLink(f)}`,
      "Cancelling keeps your access until the end of the year you paid for.",
    ]),
  cancel_scheduled: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription will end on ${when(f, f.periodEnd)}`, [
      `You cancelled your ${f.planName} subscription. It will not renew.`,
      `You keep access until ${when(f, f.periodEnd)}. Changed your mind? Resume it on your billing page before then.`,
    ]),
  resumed: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription will renew again`, [
      `Your ${f.planName} subscription is active again and renews on ${when(f, f.periodEnd)} for ${amount(f)}.`,
    ]),
  past_due: (f: Facts) =>
    mail(f, `We could not renew your ${f.planName} subscription`, [
      `The renewal payment of ${amount(f)} for your ${f.planName} subscription failed.`,
      `You keep access until ${when(f, f.graceEndsAt)}. Please update your payment method on your billing page before then.`,
    ]),
  ended: (f: Facts) =>
    mail(f, `Your ${f.planName} subscription has ended`, [
      `Your ${f.planName} subscription has ended. Your learning record and credentials stay yours.`,
      `Choose a plan to continue: ${f.appUrl}${BILLING_PAGES.choosePlan}`,
    ]),
};

export type BillingMailKind = keyof typeof billingMails;

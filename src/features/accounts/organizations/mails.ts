import type { OutgoingMail } from "../../../platform/mail/mailer.js";

export function invitationMail(input: {
  to: string;
  inviter: string;
  organization: string;
  role: string;
  link: string;
  days: number;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `${input.inviter} invited you to ${input.organization} on Pulse`,
    text: `Hello,\n\n${input.inviter} invited you to join ${input.organization} on Pulse as ${input.role}.\n\nAccept the invitation here:\n\n${input.link}\n\nThe link works for ${input.days} days. If you do not have a Pulse account yet, you can create one with this address from that page.\n\n- Pulse`,
  };
}

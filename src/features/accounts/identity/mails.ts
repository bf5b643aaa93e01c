import type { OutgoingMail } from "../../../platform/mail/mailer.js";

export function confirmEmailMail(to: string, name: string, link: string): OutgoingMail {
  return {
    to,
    subject: "Confirm your email address for Pulse",
    text: `Hello ${name},\n\nPlease confirm your email address to finish creating your Pulse account:\n\n${link}\n\nThe link works for 48 hours. If you did not sign up, ignore this message.\n\n- Pulse`,
  };
}

export function alreadyRegisteredMail(to: string, name: string, resetLink: string): OutgoingMail {
  return {
    to,
    subject: "You already have a Pulse account",
    text: `Hello ${name},\n\nSomeone (perhaps you) tried to sign up for Pulse with this address, which already has an account.\n\nIf you forgot your password, reset it here:\n\n${resetLink}\n\nIf this was not you, you can ignore this message.\n\n- Pulse`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): OutgoingMail {
  return {
    to,
    subject: "Reset your Pulse password",
    text: `Hello ${name},\n\nWe received a request to reset your Pulse password. Choose a new one here:\n\n${link}\n\nThe link works once and for one hour. If you did not ask for this, ignore this message: your password stays as it is.\n\n- Pulse`,
  };
}

export function passwordChangedMail(to: string, name: string): OutgoingMail {
  return {
    to,
    subject: "Your Pulse password was changed",
    text: `Hello ${name},\n\nYour Pulse password was just changed and your other sessions were signed out. If this was not you, reset your password at once.\n\n- Pulse`,
  };
}

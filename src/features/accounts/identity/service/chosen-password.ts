import { AppError } from "../../../../kernel/app-error.js";
import { type PasswordOwner, passwordProblem } from "../password-policy.js";
import { verifyPassword } from "../secrets.js";

const refusal = (field: string, reason: string) =>
  new AppError("invalid_input", `Choose another password: this one ${reason}.`, {
    fields: { [field]: reason },
  });

/** Refuses a password a person chooses when the policy finds it easy to guess; `field` names it in the error. */
export function refuseWeakPassword(password: string, owner: PasswordOwner, field = "password"): void {
  const reason = passwordProblem(password, owner);
  if (reason) throw refusal(field, reason);
}

/** Refuses a new password that is the one the account has now (checked against its hash). */
export async function refuseCurrentPassword(passwordHash: string, password: string, field = "password") {
  if (await verifyPassword(passwordHash, password)) throw refusal(field, "must differ from your current password");
}

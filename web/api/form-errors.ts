import { isApiError } from "./api-error";

/** The part of a Mantine form this needs: marking field errors. */
type FormWithErrors = { setErrors: (errors: Record<string, string>) => void };

function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** Marks the server's `fields` on the matching form inputs (paths may be prefixed with `body.`). */
export function markFieldErrors(form: FormWithErrors, error: unknown, knownFields: readonly string[]): void {
  if (!isApiError(error)) return;
  const errors: Record<string, string> = {};
  for (const [path, reason] of Object.entries(error.fields)) {
    const field = path.replace(/^body\./, "");
    if (knownFields.includes(field)) errors[field] = sentence(reason);
  }
  if (Object.keys(errors).length > 0) form.setErrors(errors);
}

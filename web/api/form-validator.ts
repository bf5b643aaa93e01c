import type { z } from "zod";

function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** Turns a contract zod schema into a Mantine form `validate` function (first issue per field). */
export function formValidator(schema: z.ZodType) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (path && !errors[path]) errors[path] = sentence(issue.message);
    }
    return errors;
  };
}

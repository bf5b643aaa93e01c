import { z } from "zod";
import type { Config } from "../../config.js";
import { Email, NewPassword, PersonName } from "../../features/accounts/identity/contract.js";
import { ensurePlatformAdmin, passwordProblem } from "../../features/accounts/identity/service.js";
import { systemClock } from "../../kernel/clock.js";
import { migrateDatabase } from "../../platform/db/migrate.js";
import { describeDatabase, withDatabase } from "../cli-database.js";
import { CliError, EXIT_USAGE } from "../cli-error.js";

/** The same rules as sign-up (length and the password policy), so the admin can sign in through the web app. */
export const CreateAdminInput = z
  .object({ email: Email, password: NewPassword, name: PersonName.optional() })
  .superRefine((input, issue) => {
    const reason = passwordProblem(input.password, input);
    if (reason) issue.addIssue({ code: "custom", path: ["password"], message: reason });
  });
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;

/** `pulse create-admin --email E --password P [--name N]` */
export async function createAdminCommand(config: Config, options: Record<string, unknown>): Promise<void> {
  const parsed = CreateAdminInput.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`);
    throw new CliError(`Invalid input:\n${lines.join("\n")}`, EXIT_USAGE);
  }
  console.log(`Database: ${describeDatabase(config)}`);
  await withDatabase(config, async (database) => {
    await migrateDatabase(database);
    const result = await ensurePlatformAdmin({ database, clock: systemClock }, parsed.data);
    console.log(
      result.created
        ? `Created platform admin ${parsed.data.email}.`
        : `${parsed.data.email} already existed: made platform admin and set the new password.`,
    );
  });
}

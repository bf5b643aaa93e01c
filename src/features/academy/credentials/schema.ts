import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { levels, modules, programs } from "../catalog/schema.js";

export const CREDENTIAL_KINDS = ["badge", "certificate", "certification"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** What the credential's evidence says: modules completed and exam results, as they were at issue. */
export type CredentialEvidence = {
  modules: { id: string; number: number; title: string; completedAt: string | null }[];
  exams: { id: string; title: string; scorePercent: number; passPercent: number; passed: boolean; at: string }[];
};

/**
 * One issued credential (Open Badges 3.0 OpenBadgeCredential) per learner and achievement:
 * `achievement_key` ("module:<id>", "level:<id>") is unique per user, so a completion event delivered
 * twice never issues twice. `jwt` is the signed VC-JWT as last issued (a renewal re-signs it with a new
 * `valid_until`); `status_index` is the credential's bit in the revocation status list.
 */
export const credentials = pgTable(
  "academy_credentials",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CREDENTIAL_KINDS }).notNull(),
    achievementKey: text("achievement_key").notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    levelId: uuid("level_id").references(() => levels.id),
    moduleId: uuid("module_id").references(() => modules.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    criteria: text("criteria").notNull(),
    achievementType: text("achievement_type").notNull(),
    evidence: jsonb("evidence").$type<CredentialEvidence>().notNull(),
    /** The holder's name and email when it was issued (the email only as its salted hash in the JWT). */
    recipientName: text("recipient_name").notNull(),
    recipientSalt: text("recipient_salt").notNull(),
    /** When the learner earned it (the completion); the certification's recertification cycle starts here. */
    achievedAt: timestamp("achieved_at", { withTimezone: true }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    statusIndex: integer("status_index").generatedAlwaysAsIdentity({ startWith: 0, minValue: 0 }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    /** The holder hid the public evidence page: others get 404. */
    hidden: boolean("hidden").notNull().default(false),
    jwt: text("jwt").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("academy_credentials_user_achievement_uq").on(t.userId, t.achievementKey),
    uniqueIndex("academy_credentials_status_index_uq").on(t.statusIndex),
    index("academy_credentials_user_idx").on(t.userId, t.issuedAt),
  ],
);

/**
 * `kind` is plain text in the database (the enum is TypeScript's only), so a new kind needs no migration.
 * "reinstated": staff lifted a revocation (the credential's revoked_* columns are cleared; its
 * "revoked" entry stays here).
 */
export const CREDENTIAL_EVENT_KINDS = ["issued", "renewed", "revoked", "reinstated"] as const;

/**
 * Append-only history of each credential's status: issued, renewed (new valid_until), revoked (reason),
 * reinstated (reason); `actor_id` is the staff member for revocations, reinstatements and awards.
 */
export const credentialEvents = pgTable(
  "academy_credential_events",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CREDENTIAL_EVENT_KINDS }).notNull(),
    reason: text("reason"),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("academy_credential_events_credential_idx").on(t.credentialId, t.at)],
);

/**
 * The issuer's Ed25519 signing keys. The first use generates one (one active key: retired_at null);
 * the private key (PKCS#8 PEM) never leaves the server, the public JWK is served at /.well-known/jwks.json.
 */
export const signingKeys = pgTable(
  "academy_signing_keys",
  {
    kid: text("kid").primaryKey(),
    algorithm: text("algorithm").notNull(),
    publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
    privateKeyPem: text("private_key_pem").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("academy_signing_keys_one_active_uq").on(t.active).where(sql`active`)],
);

import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { libraryItems } from "../library/schema.js";

/** CPD Paths: curated sequences of library items, imported with the catalog by stable `key`. */
export const cpdPaths = pgTable(
  "academy_cpd_paths",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull(),
    title: text("title").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    /** "featured" paths have a full page of description; "other" are the seed's "Other CPD Paths". */
    featured: boolean("featured").notNull().default(true),
    demo: boolean("demo").notNull().default(false),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("academy_cpd_paths_key_idx").on(t.key)],
);

/** A path's steps in order; key `<path key>/<item key>`, so a re-import keeps step ids. */
export const cpdPathSteps = pgTable(
  "academy_cpd_path_steps",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull(),
    pathId: uuid("path_id")
      .notNull()
      .references(() => cpdPaths.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => libraryItems.id),
    position: integer("position").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_path_steps_key_idx").on(t.key),
    index("academy_cpd_path_steps_path_idx").on(t.pathId, t.position),
  ],
);

/** A learner's enrolment in a path; `completed_at` is stamped once, when the last step is completed. */
export const cpdPathEnrolments = pgTable(
  "academy_cpd_path_enrolments",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pathId: uuid("path_id")
      .notNull()
      .references(() => cpdPaths.id),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("academy_cpd_path_enrolments_user_path_idx").on(t.userId, t.pathId)],
);

DROP INDEX "client_versions_org_client_latest_idx";--> statement-breakpoint
DROP INDEX "pulse_entries_org_client_latest_idx";--> statement-breakpoint
ALTER TABLE "client_versions" ADD COLUMN "valid_until" date;--> statement-breakpoint
ALTER TABLE "client_versions" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "client_versions" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "client_versions" ADD COLUMN "client_since" date;--> statement-breakpoint
ALTER TABLE "client_versions" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pulse_entries" ADD COLUMN "reason_code_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "pulse_entries" ADD COLUMN "valid_until" timestamp with time zone;--> statement-breakpoint
-- "As of D" becomes a lookup of the spans that contain D: for pulses a GiST index over (org_id, span), which
-- needs btree_gist for the uuid column (a trusted extension: a database owner may create it). Versions
-- (about one per client) are filtered on valid_from/valid_until in a scan.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
-- Each version keeps copies of its client's undated fields.
UPDATE "client_versions" v SET "name" = c."name", "currency" = c."currency", "client_since" = c."client_since",
  "archived_at" = c."archived_at"
FROM "clients" c WHERE c."id" = v."client_id";--> statement-breakpoint
-- Each entry keeps a copy of its reason codes in order (entries and their reasons never change).
UPDATE "pulse_entries" e SET "reason_code_ids" = r.ids
FROM (SELECT "entry_id", array_agg("reason_code_id" ORDER BY "position", "reason_code_id") AS ids
      FROM "pulse_entry_reasons" GROUP BY "entry_id") r
WHERE r."entry_id" = e."id";--> statement-breakpoint
-- Backfill the spans of existing histories with the rule refreshPulseSpans / refreshVersionSpans apply.
WITH marked AS (
  SELECT e.id, e.client_id, e.effective_at, e.recorded_at,
    NOT EXISTS (SELECT 1 FROM "pulse_entries" x WHERE x."corrects_entry_id" = e."id") AS live
  FROM "pulse_entries" e
), spans AS (
  SELECT id, CASE WHEN live THEN lead(effective_at) OVER (PARTITION BY client_id, live ORDER BY effective_at, recorded_at, id)
                  ELSE effective_at END AS until
  FROM marked
)
UPDATE "pulse_entries" e SET "valid_until" = spans.until FROM spans WHERE spans.id = e.id AND spans.until IS NOT NULL;--> statement-breakpoint
WITH spans AS (
  SELECT id, lead(valid_from) OVER (PARTITION BY client_id ORDER BY valid_from, recorded_at, id) AS until
  FROM "client_versions"
)
UPDATE "client_versions" v SET "valid_until" = spans.until FROM spans WHERE spans.id = v.id AND spans.until IS NOT NULL;--> statement-breakpoint
-- INCLUDE makes the pulse lookup index-only: a report reads each client's entry without touching the table.
CREATE INDEX "pulse_entries_org_span_gist" ON "pulse_entries" USING gist ("org_id", tstzrange("effective_at", "valid_until", '[)'))
  INCLUDE ("client_id", "rank", "id", "effective_at", "valid_until", "reason_code_ids");

ALTER TABLE "clients" ADD COLUMN "current_pulse_entry_id" uuid;--> statement-breakpoint
UPDATE "clients" c SET "current_pulse_entry_id" = p."id"
FROM (
  SELECT DISTINCT ON (e."client_id") e."id", e."client_id" FROM "pulse_entries" e
  WHERE NOT EXISTS (SELECT 1 FROM "pulse_entries" x WHERE x."corrects_entry_id" = e."id")
  ORDER BY e."client_id", e."effective_at" DESC, e."recorded_at" DESC
) p
WHERE p."client_id" = c."id";

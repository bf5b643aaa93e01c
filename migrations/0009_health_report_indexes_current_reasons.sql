DROP INDEX "client_versions_client_idx";--> statement-breakpoint
DROP INDEX "pulse_entries_client_idx";--> statement-breakpoint
DROP INDEX "pulse_entries_corrects_idx";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "current_reason_code_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "client_versions_client_latest_idx" ON "client_versions" USING btree ("client_id","valid_from","recorded_at");--> statement-breakpoint
CREATE INDEX "pulse_entries_client_latest_idx" ON "pulse_entries" USING btree ("client_id","effective_at","recorded_at","rank","id");--> statement-breakpoint
CREATE INDEX "pulse_entries_corrects_idx" ON "pulse_entries" USING btree ("corrects_entry_id") WHERE corrects_entry_id is not null;
ALTER TABLE "client_versions" ADD COLUMN "next_renewal_date" date;--> statement-breakpoint
-- Backfill: until now the renewal date was not versioned; every existing version takes the current one.
UPDATE "client_versions" v SET "next_renewal_date" = c."next_renewal_date" FROM "clients" c WHERE c."id" = v."client_id";

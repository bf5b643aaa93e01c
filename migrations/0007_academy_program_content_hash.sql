ALTER TABLE "academy_programs" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "academy_programs" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_programs" ADD COLUMN "edited_at" timestamp with time zone;
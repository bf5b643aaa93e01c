ALTER TABLE "import_jobs" ADD COLUMN "written_to_row" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "written" jsonb;

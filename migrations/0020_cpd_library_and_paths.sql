CREATE TABLE "academy_cpd_catalogs" (
	"id" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"demo" boolean NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_library_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"evidence" text,
	"path_id" uuid
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_library_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"format" text NOT NULL,
	"category" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"published_on" date NOT NULL,
	"body" text,
	"media_src" text,
	"link" text,
	"demo" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "summary"), 'B')) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "academy_cpd_library_items_duration_check" CHECK ("academy_cpd_library_items"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_library_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_path_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_path_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"path_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_paths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"featured" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_cpd_library_completions" ADD CONSTRAINT "academy_cpd_library_completions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_library_completions" ADD CONSTRAINT "academy_cpd_library_completions_item_id_academy_cpd_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."academy_cpd_library_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_path_enrolments" ADD CONSTRAINT "academy_cpd_path_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_path_enrolments" ADD CONSTRAINT "academy_cpd_path_enrolments_path_id_academy_cpd_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."academy_cpd_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_path_steps" ADD CONSTRAINT "academy_cpd_path_steps_path_id_academy_cpd_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."academy_cpd_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_path_steps" ADD CONSTRAINT "academy_cpd_path_steps_item_id_academy_cpd_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."academy_cpd_library_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_library_completions_user_item_idx" ON "academy_cpd_library_completions" USING btree ("user_id","item_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_library_completions_user_done_idx" ON "academy_cpd_library_completions" USING btree ("user_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_library_items_key_idx" ON "academy_cpd_library_items" USING btree ("key");--> statement-breakpoint
CREATE INDEX "academy_cpd_library_items_search_idx" ON "academy_cpd_library_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "academy_cpd_library_items_live_idx" ON "academy_cpd_library_items" USING btree ("format","category") WHERE "academy_cpd_library_items"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "academy_cpd_library_words_trgm_idx" ON "academy_cpd_library_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_path_enrolments_user_path_idx" ON "academy_cpd_path_enrolments" USING btree ("user_id","path_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_path_steps_key_idx" ON "academy_cpd_path_steps" USING btree ("key");--> statement-breakpoint
CREATE INDEX "academy_cpd_path_steps_path_idx" ON "academy_cpd_path_steps" USING btree ("path_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_paths_key_idx" ON "academy_cpd_paths" USING btree ("key");
CREATE TABLE "academy_cpd_suggestion_status_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_suggestion_votes" (
	"suggestion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"covers" text NOT NULL,
	"why" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"staff_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_cpd_suggestion_status_log" ADD CONSTRAINT "academy_cpd_suggestion_status_log_suggestion_id_academy_cpd_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."academy_cpd_suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_suggestion_status_log" ADD CONSTRAINT "academy_cpd_suggestion_status_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_suggestion_votes" ADD CONSTRAINT "academy_cpd_suggestion_votes_suggestion_id_academy_cpd_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."academy_cpd_suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_suggestion_votes" ADD CONSTRAINT "academy_cpd_suggestion_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_suggestions" ADD CONSTRAINT "academy_cpd_suggestions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_cpd_suggestion_status_log_suggestion_idx" ON "academy_cpd_suggestion_status_log" USING btree ("suggestion_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_suggestion_votes_unique_idx" ON "academy_cpd_suggestion_votes" USING btree ("suggestion_id","user_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_suggestions_author_idx" ON "academy_cpd_suggestions" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "academy_cpd_suggestions_status_idx" ON "academy_cpd_suggestions" USING btree ("status");
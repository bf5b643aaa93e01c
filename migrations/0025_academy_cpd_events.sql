CREATE TABLE "academy_cpd_event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"heading" text NOT NULL,
	"host" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"join_url" text NOT NULL,
	"capacity" integer,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "academy_cpd_event_registrations" ADD CONSTRAINT "academy_cpd_event_registrations_event_id_academy_cpd_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."academy_cpd_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_event_registrations" ADD CONSTRAINT "academy_cpd_event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_events" ADD CONSTRAINT "academy_cpd_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_event_registrations_event_user_idx" ON "academy_cpd_event_registrations" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_event_registrations_user_idx" ON "academy_cpd_event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_event_registrations_queue_idx" ON "academy_cpd_event_registrations" USING btree ("event_id","status","status_at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_events_uid_idx" ON "academy_cpd_events" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "academy_cpd_events_starts_idx" ON "academy_cpd_events" USING btree ("starts_at");
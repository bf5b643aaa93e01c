CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"pulse_entry_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email_mode" text DEFAULT 'realtime' NOT NULL,
	CONSTRAINT "notification_preferences_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "client_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"client_type" text NOT NULL,
	"assigned_csm_id" uuid,
	"status" text NOT NULL,
	"arr_minor" bigint DEFAULT 0 NOT NULL,
	"mrr_minor" bigint DEFAULT 0 NOT NULL,
	"acv_minor" bigint DEFAULT 0 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"client_type" text DEFAULT '' NOT NULL,
	"assigned_csm_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"arr_minor" bigint DEFAULT 0 NOT NULL,
	"mrr_minor" bigint DEFAULT 0 NOT NULL,
	"acv_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"next_renewal_date" date,
	"client_since" date,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"current_pulse_rank" smallint,
	"current_pulse_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_figures" (
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"week_start" date NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"primary_metric" text DEFAULT 'arr' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"alert_threshold_rank" smallint DEFAULT 3 NOT NULL,
	"reminder_days" integer DEFAULT 30 NOT NULL,
	"escalate_after_hours" integer DEFAULT 48 NOT NULL,
	"fiscal_start_month" smallint DEFAULT 1 NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"corrects_entry_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pulse_entry_reasons" (
	"entry_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reason_code_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "pulse_entry_reasons_entry_id_reason_code_id_pk" PRIMARY KEY("entry_id","reason_code_id")
);
--> statement-breakpoint
CREATE TABLE "reason_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_formulas" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"formula" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "score_formulas_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "success_scores" (
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"day" date NOT NULL,
	"formula_version" integer NOT NULL,
	"score" smallint,
	"band" text,
	"capped" boolean DEFAULT false NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"components" jsonb NOT NULL,
	CONSTRAINT "success_scores_client_id_day_formula_version_pk" PRIMARY KEY("client_id","day","formula_version")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "reports_to_user_id" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_versions" ADD CONSTRAINT "client_versions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_assigned_csm_id_users_id_fk" FOREIGN KEY ("assigned_csm_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_figures" ADD CONSTRAINT "usage_figures_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_settings" ADD CONSTRAINT "health_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_entries" ADD CONSTRAINT "pulse_entries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_entries" ADD CONSTRAINT "pulse_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_entry_reasons" ADD CONSTRAINT "pulse_entry_reasons_entry_id_pulse_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."pulse_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_entry_reasons" ADD CONSTRAINT "pulse_entry_reasons_reason_code_id_reason_codes_id_fk" FOREIGN KEY ("reason_code_id") REFERENCES "public"."reason_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reason_codes" ADD CONSTRAINT "reason_codes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_formulas" ADD CONSTRAINT "score_formulas_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_scores" ADD CONSTRAINT "success_scores_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_entry_uq" ON "alerts" USING btree ("pulse_entry_id");--> statement-breakpoint
CREATE INDEX "alerts_org_idx" ON "alerts" USING btree ("org_id","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("user_id","kind","subject_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "client_versions_client_idx" ON "client_versions" USING btree ("client_id","valid_from");--> statement-breakpoint
CREATE INDEX "client_versions_org_idx" ON "client_versions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_org_external_id_uq" ON "clients" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "clients_org_name_idx" ON "clients" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "clients_org_renewal_idx" ON "clients" USING btree ("org_id","next_renewal_date");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_figures_uq" ON "usage_figures" USING btree ("client_id","metric","week_start");--> statement-breakpoint
CREATE INDEX "usage_figures_org_idx" ON "usage_figures" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pulse_entries_client_idx" ON "pulse_entries" USING btree ("client_id","effective_at");--> statement-breakpoint
CREATE INDEX "pulse_entries_org_effective_idx" ON "pulse_entries" USING btree ("org_id","effective_at");--> statement-breakpoint
CREATE INDEX "pulse_entries_corrects_idx" ON "pulse_entries" USING btree ("corrects_entry_id");--> statement-breakpoint
CREATE INDEX "pulse_entry_reasons_reason_idx" ON "pulse_entry_reasons" USING btree ("reason_code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reason_codes_org_code_uq" ON "reason_codes" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "success_scores_org_day_idx" ON "success_scores" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "segments_org_idx" ON "segments" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_reports_to_user_id_users_id_fk" FOREIGN KEY ("reports_to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
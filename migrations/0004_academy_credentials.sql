CREATE TABLE "academy_credential_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credential_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"valid_until" timestamp with time zone,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"achievement_key" text NOT NULL,
	"program_id" uuid NOT NULL,
	"level_id" uuid,
	"module_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"criteria" text NOT NULL,
	"achievement_type" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_salt" text NOT NULL,
	"achieved_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"status_index" integer GENERATED ALWAYS AS IDENTITY (sequence name "academy_credentials_status_index_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1),
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"jwt" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key_pem" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "academy_credential_events" ADD CONSTRAINT "academy_credential_events_credential_id_academy_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."academy_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credential_events" ADD CONSTRAINT "academy_credential_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credentials" ADD CONSTRAINT "academy_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credentials" ADD CONSTRAINT "academy_credentials_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credentials" ADD CONSTRAINT "academy_credentials_level_id_academy_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."academy_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credentials" ADD CONSTRAINT "academy_credentials_module_id_academy_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."academy_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_credentials" ADD CONSTRAINT "academy_credentials_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_credential_events_credential_idx" ON "academy_credential_events" USING btree ("credential_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_credentials_user_achievement_uq" ON "academy_credentials" USING btree ("user_id","achievement_key");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_credentials_status_index_uq" ON "academy_credentials" USING btree ("status_index");--> statement-breakpoint
CREATE INDEX "academy_credentials_user_idx" ON "academy_credentials" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_signing_keys_one_active_uq" ON "academy_signing_keys" USING btree ("active") WHERE active;
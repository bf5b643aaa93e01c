CREATE TABLE "academy_cpd_audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_audit_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"self_certification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"response_note" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_audit_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"rate_percent" integer NOT NULL,
	"seed" text NOT NULL,
	"population" integer NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_reminders" (
	"credential_id" uuid NOT NULL,
	"expires_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "academy_cpd_reminders_credential_id_expires_on_days_before_pk" PRIMARY KEY("credential_id","expires_on","days_before")
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_certification_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_base64" text,
	"uploaded_at" timestamp with time zone NOT NULL,
	"delete_after" date NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "academy_cpd_self_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"content_type" text NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"hours" integer NOT NULL,
	"minutes" integer NOT NULL,
	"completed_on" date NOT NULL,
	"consent" boolean NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_events" ADD CONSTRAINT "academy_cpd_audit_events_request_id_academy_cpd_audit_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."academy_cpd_audit_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_events" ADD CONSTRAINT "academy_cpd_audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_requests" ADD CONSTRAINT "academy_cpd_audit_requests_sample_id_academy_cpd_audit_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."academy_cpd_audit_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_requests" ADD CONSTRAINT "academy_cpd_audit_requests_self_certification_id_academy_cpd_self_certifications_id_fk" FOREIGN KEY ("self_certification_id") REFERENCES "public"."academy_cpd_self_certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_requests" ADD CONSTRAINT "academy_cpd_audit_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_requests" ADD CONSTRAINT "academy_cpd_audit_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_samples" ADD CONSTRAINT "academy_cpd_audit_samples_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_audit_samples" ADD CONSTRAINT "academy_cpd_audit_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_reminders" ADD CONSTRAINT "academy_cpd_reminders_credential_id_academy_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."academy_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_evidence" ADD CONSTRAINT "academy_cpd_evidence_self_certification_id_academy_cpd_self_certifications_id_fk" FOREIGN KEY ("self_certification_id") REFERENCES "public"."academy_cpd_self_certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_self_certifications" ADD CONSTRAINT "academy_cpd_self_certifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_self_certifications" ADD CONSTRAINT "academy_cpd_self_certifications_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_self_certifications" ADD CONSTRAINT "academy_cpd_self_certifications_entry_id_academy_cpd_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."academy_cpd_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_cpd_audit_events_request_idx" ON "academy_cpd_audit_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_audit_requests_self_cert_idx" ON "academy_cpd_audit_requests" USING btree ("self_certification_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_audit_requests_sample_idx" ON "academy_cpd_audit_requests" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_audit_requests_due_idx" ON "academy_cpd_audit_requests" USING btree ("due_at") WHERE "academy_cpd_audit_requests"."status" in ('requested', 'submitted');--> statement-breakpoint
CREATE INDEX "academy_cpd_evidence_self_cert_idx" ON "academy_cpd_evidence" USING btree ("self_certification_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_evidence_due_idx" ON "academy_cpd_evidence" USING btree ("delete_after") WHERE "academy_cpd_evidence"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_self_certifications_entry_idx" ON "academy_cpd_self_certifications" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "academy_cpd_self_certifications_user_idx" ON "academy_cpd_self_certifications" USING btree ("user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "academy_cpd_self_certifications_program_idx" ON "academy_cpd_self_certifications" USING btree ("program_id","completed_on");
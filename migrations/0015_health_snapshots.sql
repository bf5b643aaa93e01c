CREATE TABLE "academy_cpd_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"item_id" uuid,
	"title" text NOT NULL,
	"asset_type" text NOT NULL,
	"activity_type" text NOT NULL,
	"minutes" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"statement_id" uuid,
	"reverses_entry_id" uuid,
	"recorded_by" uuid,
	"note" text,
	"launch_path" text,
	"meta" jsonb,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "academy_cpd_entries_minutes_check" CHECK ("academy_cpd_entries"."minutes" <> 0)
);
--> statement-breakpoint
CREATE TABLE "billing_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"subscription_id" uuid,
	"invoice_id" uuid,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "billing_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "billing_discount_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"min_seats" integer NOT NULL,
	"discount_bps" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_discount_tiers_min_seats_unique" UNIQUE("min_seats"),
	CONSTRAINT "billing_discount_tiers_seats_ck" CHECK ("billing_discount_tiers"."min_seats" >= 1),
	CONSTRAINT "billing_discount_tiers_bps_ck" CHECK ("billing_discount_tiers"."discount_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "billing_entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"access_key" text NOT NULL,
	"plan_id" uuid,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"org_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_invoice_counters" (
	"seller_key" text PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_invoice_lines" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_amount_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"plan_id" uuid,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	CONSTRAINT "billing_invoice_lines_invoice_id_position_pk" PRIMARY KEY("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "billing_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"user_id" uuid,
	"seller_key" text NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"po_number" text,
	"seller" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"provider" text NOT NULL,
	"provider_invoice_id" text,
	"subscription_id" uuid,
	"quote_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_invoices_owner_ck" CHECK ("billing_invoices"."org_id" is not null or "billing_invoices"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "billing_license_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"invoice_id" uuid,
	"renews_pool_id" uuid,
	"renewal_invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_license_pools_seats_ck" CHECK ("billing_license_pools"."seats" >= 0),
	CONSTRAINT "billing_license_pools_term_ck" CHECK ("billing_license_pools"."ends_at" > "billing_license_pools"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "billing_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"user_id" uuid,
	"invoice_id" uuid,
	"subscription_id" uuid,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text,
	"method" text NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"failure_reason" text,
	"recorded_by" uuid,
	"reference" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"access_key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"individual" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_plans_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "billing_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"interval_years" integer DEFAULT 1 NOT NULL,
	"provider_price_id" text,
	"active_from" timestamp with time zone DEFAULT now() NOT NULL,
	"active_until" timestamp with time zone,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_prices_amount_ck" CHECK ("billing_prices"."amount_minor" >= 0),
	CONSTRAINT "billing_prices_currency_ck" CHECK ("billing_prices"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "billing_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"pool_id" uuid,
	"seats" integer NOT NULL,
	"currency" text NOT NULL,
	"unit_amount_minor" bigint NOT NULL,
	"discount_bps" integer DEFAULT 0 NOT NULL,
	"months" integer DEFAULT 12 NOT NULL,
	"total_minor" bigint NOT NULL,
	"status" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"po_number" text,
	"invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_quotes_seats_ck" CHECK ("billing_quotes"."seats" >= 1)
);
--> statement-breakpoint
CREATE TABLE "billing_reminder_sends" (
	"subscription_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_reminder_sends_subscription_id_period_id_kind_pk" PRIMARY KEY("subscription_id","period_id","kind")
);
--> statement-breakpoint
CREATE TABLE "billing_seat_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"user_id" uuid,
	"invited_email" text,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid,
	"freed_at" timestamp with time zone,
	"freed_by" uuid,
	CONSTRAINT "billing_seat_assignments_holder_ck" CHECK ("billing_seat_assignments"."user_id" is not null or "billing_seat_assignments"."invited_email" is not null)
);
--> statement-breakpoint
CREATE TABLE "billing_subscription_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_subscription_periods_range_ck" CHECK ("billing_subscription_periods"."ends_at" > "billing_subscription_periods"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"price_id" uuid NOT NULL,
	"state" text NOT NULL,
	"provider" text NOT NULL,
	"provider_customer_id" text,
	"provider_subscription_id" text,
	"provider_checkout_id" text,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"grace_ends_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"card_brand" text,
	"card_last4" text,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_test_checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_snapshot_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"built_from" date,
	"built_through" date,
	"stale_from" date,
	"touches" bigint DEFAULT 0 NOT NULL,
	"built_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health_snapshot_totals" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"by_reason" boolean NOT NULL,
	"reason_code_id" uuid,
	"rank" smallint,
	"client_type" text NOT NULL,
	"assigned_csm_id" uuid,
	"status" text NOT NULL,
	"clients" integer NOT NULL,
	"arr_minor" bigint NOT NULL,
	"mrr_minor" bigint NOT NULL,
	"acv_minor" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_cpd_entries" ADD CONSTRAINT "academy_cpd_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cpd_entries" ADD CONSTRAINT "academy_cpd_entries_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_entitlements" ADD CONSTRAINT "billing_entitlements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_entitlements" ADD CONSTRAINT "billing_entitlements_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_entitlements" ADD CONSTRAINT "billing_entitlements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_entitlements" ADD CONSTRAINT "billing_entitlements_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoice_lines" ADD CONSTRAINT "billing_invoice_lines_invoice_id_billing_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."billing_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoice_lines" ADD CONSTRAINT "billing_invoice_lines_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_subscription_id_billing_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."billing_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_license_pools" ADD CONSTRAINT "billing_license_pools_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_license_pools" ADD CONSTRAINT "billing_license_pools_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_license_pools" ADD CONSTRAINT "billing_license_pools_invoice_id_billing_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."billing_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_payments" ADD CONSTRAINT "billing_payments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_payments" ADD CONSTRAINT "billing_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_payments" ADD CONSTRAINT "billing_payments_invoice_id_billing_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."billing_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_payments" ADD CONSTRAINT "billing_payments_subscription_id_billing_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."billing_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_payments" ADD CONSTRAINT "billing_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_prices" ADD CONSTRAINT "billing_prices_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_prices" ADD CONSTRAINT "billing_prices_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_quotes" ADD CONSTRAINT "billing_quotes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_quotes" ADD CONSTRAINT "billing_quotes_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_quotes" ADD CONSTRAINT "billing_quotes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_quotes" ADD CONSTRAINT "billing_quotes_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_quotes" ADD CONSTRAINT "billing_quotes_invoice_id_billing_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."billing_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_reminder_sends" ADD CONSTRAINT "billing_reminder_sends_subscription_id_billing_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."billing_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_reminder_sends" ADD CONSTRAINT "billing_reminder_sends_period_id_billing_subscription_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_subscription_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seat_assignments" ADD CONSTRAINT "billing_seat_assignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seat_assignments" ADD CONSTRAINT "billing_seat_assignments_pool_id_billing_license_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."billing_license_pools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seat_assignments" ADD CONSTRAINT "billing_seat_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seat_assignments" ADD CONSTRAINT "billing_seat_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_seat_assignments" ADD CONSTRAINT "billing_seat_assignments_freed_by_users_id_fk" FOREIGN KEY ("freed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscription_periods" ADD CONSTRAINT "billing_subscription_periods_subscription_id_billing_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."billing_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_price_id_billing_prices_id_fk" FOREIGN KEY ("price_id") REFERENCES "public"."billing_prices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_test_checkouts" ADD CONSTRAINT "billing_test_checkouts_subscription_id_billing_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."billing_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_test_checkouts" ADD CONSTRAINT "billing_test_checkouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshot_state" ADD CONSTRAINT "health_snapshot_state_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshot_totals" ADD CONSTRAINT "health_snapshot_totals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_entries_source_key_idx" ON "academy_cpd_entries" USING btree ("source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cpd_entries_reversal_idx" ON "academy_cpd_entries" USING btree ("reverses_entry_id") WHERE "academy_cpd_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "academy_cpd_entries_user_idx" ON "academy_cpd_entries" USING btree ("user_id","program_id","occurred_on");--> statement-breakpoint
CREATE INDEX "billing_events_subscription_idx" ON "billing_events" USING btree ("subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_entitlements_source_uq" ON "billing_entitlements" USING btree ("source","source_id","access_key");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_entitlements_staff_grant_uq" ON "billing_entitlements" USING btree ("user_id","access_key") WHERE "billing_entitlements"."source" = 'staff_grant';--> statement-breakpoint
CREATE INDEX "billing_entitlements_user_idx" ON "billing_entitlements" USING btree ("user_id","access_key");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_invoices_seller_number_uq" ON "billing_invoices" USING btree ("seller_key","number");--> statement-breakpoint
CREATE INDEX "billing_invoices_org_idx" ON "billing_invoices" USING btree ("org_id","issued_at");--> statement-breakpoint
CREATE INDEX "billing_invoices_user_idx" ON "billing_invoices" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_invoices_provider_uq" ON "billing_invoices" USING btree ("provider","provider_invoice_id");--> statement-breakpoint
CREATE INDEX "billing_license_pools_org_idx" ON "billing_license_pools" USING btree ("org_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_payments_provider_uq" ON "billing_payments" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE INDEX "billing_payments_org_idx" ON "billing_payments" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "billing_payments_subscription_idx" ON "billing_payments" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "billing_payments_invoice_idx" ON "billing_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_prices_current_uq" ON "billing_prices" USING btree ("plan_id") WHERE "billing_prices"."active_until" is null;--> statement-breakpoint
CREATE INDEX "billing_quotes_org_idx" ON "billing_quotes" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "billing_seat_assignments_pool_idx" ON "billing_seat_assignments" USING btree ("org_id","pool_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_seat_assignments_live_user_uq" ON "billing_seat_assignments" USING btree ("org_id","pool_id","user_id") WHERE "billing_seat_assignments"."freed_at" is null and "billing_seat_assignments"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_seat_assignments_live_email_uq" ON "billing_seat_assignments" USING btree ("org_id","pool_id","invited_email") WHERE "billing_seat_assignments"."freed_at" is null and "billing_seat_assignments"."invited_email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscription_periods_number_uq" ON "billing_subscription_periods" USING btree ("subscription_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_live_user_uq" ON "billing_subscriptions" USING btree ("user_id") WHERE "billing_subscriptions"."state" in ('active', 'cancel_scheduled', 'past_due');--> statement-breakpoint
CREATE INDEX "billing_subscriptions_user_idx" ON "billing_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_period_end_idx" ON "billing_subscriptions" USING btree ("state","current_period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_provider_uq" ON "billing_subscriptions" USING btree ("provider","provider_subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_checkout_uq" ON "billing_subscriptions" USING btree ("provider","provider_checkout_id");--> statement-breakpoint
CREATE INDEX "health_snapshot_totals_org_day_idx" ON "health_snapshot_totals" USING btree ("org_id","day","by_reason");
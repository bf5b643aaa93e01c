-- Billing's tables were created by 0015 (generated while billing's schema was being written).
-- This migration adds billing's data: the plans with their yearly prices, the team discount tiers,
-- and today's staff-assigned Academy plans as staff_grant entitlements, keeping their dates.
-- Prices of the CCSMP memberships are demo values: staff set the real ones (a new price row each time).
INSERT INTO "billing_plans" ("key", "access_key", "name", "description", "individual", "position") VALUES
  ('pulse_plus', 'pulse_plus', 'Pulse+', 'All-inclusive: the three core learning paths (CSM, Advanced CSM, CS Leader), 3 final exams and 3 certificates, plus the thought-leadership library. Paid for one year in full; renews every year until you cancel.', true, 0),
  ('basic', 'basic', 'CCSMP Basic', 'CCSMP Level 1: Foundations of Business-Centric Success, with its certificate.', true, 1),
  ('scholar', 'scholar', 'CCSMP Scholar', 'CCSMP Levels 1 to 4: the full Practical CSM Framework and the certification exams.', true, 2),
  ('full', 'full', 'CCSMP Full', 'CCSMP Levels 1 to 5: everything in Scholar plus Continuing Professional Development.', true, 3),
  ('cpd', 'cpd', 'CCSMP CPD', 'CCSMP Level 5: CPD paths, the content library and recertification.', true, 4)
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
INSERT INTO "billing_prices" ("plan_id", "amount_minor", "currency", "interval_years")
SELECT p."id", v."amount", 'USD', 1
FROM "billing_plans" p
JOIN (VALUES ('pulse_plus', 90000), ('basic', 29000), ('scholar', 69000), ('full', 99000), ('cpd', 39000)) AS v("key", "amount")
  ON v."key" = p."key"
WHERE NOT EXISTS (SELECT 1 FROM "billing_prices" x WHERE x."plan_id" = p."id" AND x."active_until" IS NULL);
--> statement-breakpoint
INSERT INTO "billing_discount_tiers" ("min_seats", "discount_bps") VALUES (5, 1000), (10, 1500), (25, 2000), (50, 2500)
ON CONFLICT ("min_seats") DO NOTHING;
--> statement-breakpoint
INSERT INTO "billing_entitlements" ("user_id", "access_key", "plan_id", "source", "source_id", "starts_at", "ends_at", "granted_by", "created_at", "updated_at")
SELECT m."user_id", m."plan", p."id", 'staff_grant', m."id", m."starts_at", m."ends_at", m."assigned_by", m."created_at", m."created_at"
FROM "academy_memberships" m
LEFT JOIN "billing_plans" p ON p."access_key" = m."plan"
ON CONFLICT DO NOTHING;

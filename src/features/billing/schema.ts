import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/identity/schema.js";
import { organizations } from "../accounts/organizations/schema.js";

/**
 * Billing: Pulse owns every state here; a payment provider only moves money.
 * Money is integer minor units (bigint, as a JS number) with an ISO 4217 currency beside it.
 * Tenant tables (pools, seats, quotes) carry `org_id` and every index of theirs leads with it.
 */

const money = (name: string) => bigint(name, { mode: "number" }).notNull();
const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at("created_at").notNull().defaultNow();
const updatedAt = () => at("updated_at").notNull().defaultNow();

export const SUBSCRIPTION_STATES = ["pending_payment", "active", "cancel_scheduled", "past_due", "ended"] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const PROVIDERS = ["test", "manual", "stripe"] as const;
export type ProviderName = (typeof PROVIDERS)[number];
export const ENTITLEMENT_SOURCES = ["subscription", "seat", "staff_grant"] as const;
export type EntitlementSource = (typeof ENTITLEMENT_SOURCES)[number];
export const INVOICE_STATUSES = ["draft", "open", "paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const QUOTE_STATUSES = ["open", "accepted", "expired", "withdrawn"] as const;
export const QUOTE_KINDS = ["new_pool", "add_seats", "renewal"] as const;

/** What can be bought. `accessKey` is the Academy plan key that levels list (content: `plans: [...]`). */
export const plans = pgTable("billing_plans", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  key: text("key").notNull().unique(),
  accessKey: text("access_key").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** Sold to individuals by card (the team form is always open). */
  individual: boolean("individual").notNull().default(true),
  /** Shown in the plan list; a retired plan keeps its subscriptions. */
  active: boolean("active").notNull().default(true),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A plan's yearly price; a staff edit closes the current row and adds one (subscriptions keep theirs). */
export const prices = pgTable(
  "billing_prices",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    amountMinor: money("amount_minor"),
    currency: text("currency").notNull(),
    /** Years per period; every plan today is paid one year in full. */
    intervalYears: integer("interval_years").notNull().default(1),
    /** Stripe's price id once the adapter has created or matched it. */
    providerPriceId: text("provider_price_id"),
    activeFrom: at("active_from").notNull().defaultNow(),
    /** Null while current. */
    activeUntil: at("active_until"),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("billing_prices_current_uq").on(t.planId).where(sql`${t.activeUntil} is null`),
    check("billing_prices_amount_ck", sql`${t.amountMinor} >= 0`),
    check("billing_prices_currency_ck", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** An individual's subscription. At most one live (active, cancel scheduled, past due) per person. */
export const subscriptions = pgTable(
  "billing_subscriptions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    priceId: uuid("price_id")
      .notNull()
      .references(() => prices.id),
    state: text("state", { enum: SUBSCRIPTION_STATES }).notNull(),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    providerCustomerId: text("provider_customer_id"),
    providerSubscriptionId: text("provider_subscription_id"),
    providerCheckoutId: text("provider_checkout_id"),
    /** The paid period now running (copies of the newest period row, for reads and the renewal job). */
    currentPeriodStart: at("current_period_start"),
    currentPeriodEnd: at("current_period_end"),
    /** Set while past due: access lasts until then. */
    graceEndsAt: at("grace_ends_at"),
    endedAt: at("ended_at"),
    endedReason: text("ended_reason"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    /** Created time of the newest provider event applied: an older event never rolls the state back. */
    lastEventAt: at("last_event_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("billing_subscriptions_live_user_uq")
      .on(t.userId)
      .where(sql`${t.state} in ('active', 'cancel_scheduled', 'past_due')`),
    index("billing_subscriptions_user_idx").on(t.userId),
    index("billing_subscriptions_period_end_idx").on(t.state, t.currentPeriodEnd),
    uniqueIndex("billing_subscriptions_provider_uq").on(t.provider, t.providerSubscriptionId),
    uniqueIndex("billing_subscriptions_checkout_uq").on(t.provider, t.providerCheckoutId),
  ],
);

/** One row per paid year of a subscription; never updated, never deleted. */
export const subscriptionPeriods = pgTable(
  "billing_subscription_periods",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    /** 1 for the first paid year, 2 for the first renewal, … */
    number: integer("number").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    amountMinor: money("amount_minor"),
    currency: text("currency").notNull(),
    paymentId: uuid("payment_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("billing_subscription_periods_number_uq").on(t.subscriptionId, t.number),
    check("billing_subscription_periods_range_ck", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Invoice numbers run per seller without gaps: the next number is taken under this row's lock. */
export const invoiceCounters = pgTable("billing_invoice_counters", {
  sellerKey: text("seller_key").primaryKey(),
  lastNumber: integer("last_number").notNull().default(0),
});

export type Party = {
  name: string;
  email?: string;
  addressLines?: string[];
  taxId?: string;
};

/**
 * Invoices and receipts. A team invoice belongs to an organization (`org_id`); an individual's
 * receipt to a person (`user_id`). Lines are snapshots: editing a plan later changes no invoice.
 */
export const invoices = pgTable(
  "billing_invoices",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "restrict" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    sellerKey: text("seller_key").notNull(),
    /** Sequential per seller, e.g. 42 printed as PUL-000042. */
    number: integer("number").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull(),
    kind: text("kind", { enum: ["receipt", "invoice"] }).notNull(),
    poNumber: text("po_number"),
    seller: jsonb("seller").$type<Party>().notNull(),
    buyer: jsonb("buyer").$type<Party>().notNull(),
    currency: text("currency").notNull(),
    subtotalMinor: money("subtotal_minor"),
    discountMinor: money("discount_minor").default(0),
    totalMinor: money("total_minor"),
    issuedAt: at("issued_at").notNull(),
    /** Net 30 for purchase orders; the issue date for a receipt (paid at once). */
    dueAt: at("due_at").notNull(),
    paidAt: at("paid_at"),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    providerInvoiceId: text("provider_invoice_id"),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, { onDelete: "set null" }),
    quoteId: uuid("quote_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("billing_invoices_seller_number_uq").on(t.sellerKey, t.number),
    index("billing_invoices_org_idx").on(t.orgId, t.issuedAt),
    index("billing_invoices_user_idx").on(t.userId, t.issuedAt),
    uniqueIndex("billing_invoices_provider_uq").on(t.provider, t.providerInvoiceId),
    check("billing_invoices_owner_ck", sql`${t.orgId} is not null or ${t.userId} is not null`),
  ],
);

export const invoiceLines = pgTable(
  "billing_invoice_lines",
  {
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmountMinor: money("unit_amount_minor"),
    amountMinor: money("amount_minor"),
    planId: uuid("plan_id").references(() => plans.id),
    periodStart: at("period_start"),
    periodEnd: at("period_end"),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] })],
);

/** Money that moved (or, in test mode, would have): card charges, recorded bank transfers, failures. */
export const payments = pgTable(
  "billing_payments",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "restrict" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, { onDelete: "set null" }),
    status: text("status", { enum: ["succeeded", "failed"] }).notNull(),
    amountMinor: money("amount_minor"),
    currency: text("currency").notNull(),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    providerPaymentId: text("provider_payment_id"),
    /** card, test_card, bank_transfer, cheque, … */
    method: text("method").notNull(),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    failureReason: text("failure_reason"),
    /** Staff who recorded a manual payment. */
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    reference: text("reference"),
    occurredAt: at("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("billing_payments_provider_uq").on(t.provider, t.providerPaymentId),
    index("billing_payments_org_idx").on(t.orgId, t.occurredAt),
    index("billing_payments_subscription_idx").on(t.subscriptionId),
    index("billing_payments_invoice_idx").on(t.invoiceId),
  ],
);

/** Team discounts by seat count: the highest tier whose `min_seats` the quantity reaches applies. */
export const discountTiers = pgTable(
  "billing_discount_tiers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    minSeats: integer("min_seats").notNull().unique(),
    /** Basis points: 1500 = 15 % off. */
    discountBps: integer("discount_bps").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("billing_discount_tiers_seats_ck", sql`${t.minSeats} >= 1`),
    check("billing_discount_tiers_bps_ck", sql`${t.discountBps} between 0 and 10000`),
  ],
);

/** An organization's request for N seats (new pool, more seats mid-term, or the renewal). */
export const quotes = pgTable(
  "billing_quotes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: QUOTE_KINDS }).notNull(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    poolId: uuid("pool_id"),
    seats: integer("seats").notNull(),
    currency: text("currency").notNull(),
    unitAmountMinor: money("unit_amount_minor"),
    discountBps: integer("discount_bps").notNull().default(0),
    /** Whole months charged (12 for a new pool; fewer for seats added mid-term). */
    months: integer("months").notNull().default(12),
    totalMinor: money("total_minor"),
    status: text("status", { enum: QUOTE_STATUSES }).notNull(),
    validUntil: at("valid_until").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    acceptedAt: at("accepted_at"),
    poNumber: text("po_number"),
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("billing_quotes_org_idx").on(t.orgId, t.createdAt),
    check("billing_quotes_seats_ck", sql`${t.seats} >= 1`),
  ],
);

/** Seats an organization paid for, for one term. Seats added mid-term raise `seats`, keeping the term. */
export const licensePools = pgTable(
  "billing_license_pools",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    seats: integer("seats").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    /** The invoice whose payment opened the pool. */
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    /** The pool this one renews (its seats carry over). */
    renewsPoolId: uuid("renews_pool_id"),
    renewalInvoiceId: uuid("renewal_invoice_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("billing_license_pools_org_idx").on(t.orgId, t.endsAt),
    check("billing_license_pools_seats_ck", sql`${t.seats} >= 0`),
    check("billing_license_pools_term_ck", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A seat given to a member (user) or an invited email; freeing it stamps `freed_at` (history stays). */
export const seatAssignments = pgTable(
  "billing_seat_assignments",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => licensePools.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    invitedEmail: text("invited_email"),
    assignedAt: at("assigned_at").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    freedAt: at("freed_at"),
    freedBy: uuid("freed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("billing_seat_assignments_pool_idx").on(t.orgId, t.poolId),
    uniqueIndex("billing_seat_assignments_live_user_uq")
      .on(t.orgId, t.poolId, t.userId)
      .where(sql`${t.freedAt} is null and ${t.userId} is not null`),
    uniqueIndex("billing_seat_assignments_live_email_uq")
      .on(t.orgId, t.poolId, t.invitedEmail)
      .where(sql`${t.freedAt} is null and ${t.invitedEmail} is not null`),
    check("billing_seat_assignments_holder_ck", sql`${t.userId} is not null or ${t.invitedEmail} is not null`),
  ],
);

/**
 * Who may open which levels until when: the only thing the Academy's gating reads. One row per source
 * (a subscription, a seat, a staff grant), always written as an absolute state (starts, ends), never
 * incremented. `access_key` is the Academy plan key the levels list.
 */
export const entitlements = pgTable(
  "billing_entitlements",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessKey: text("access_key").notNull(),
    planId: uuid("plan_id").references(() => plans.id),
    source: text("source", { enum: ENTITLEMENT_SOURCES }).notNull(),
    /** The subscription or seat assignment; for a staff grant its own id (or the membership it replaced). */
    sourceId: uuid("source_id").notNull(),
    /** The organization of a seat. */
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    startsAt: at("starts_at").notNull(),
    /** Null: no end (staff grants without an end date). */
    endsAt: at("ends_at"),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("billing_entitlements_source_uq").on(t.source, t.sourceId, t.accessKey),
    uniqueIndex("billing_entitlements_staff_grant_uq")
      .on(t.userId, t.accessKey)
      .where(sql`${t.source} = 'staff_grant'`),
    index("billing_entitlements_user_idx").on(t.userId, t.accessKey),
  ],
);

/** Provider events (webhooks, test-mode completions), stored in the transaction that applies them. */
export const billingEvents = pgTable(
  "billing_events",
  {
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    /** When the provider created the event (ordering), and when Pulse applied it. */
    occurredAt: at("occurred_at").notNull(),
    appliedAt: at("applied_at").notNull(),
    subscriptionId: uuid("subscription_id"),
    invoiceId: uuid("invoice_id"),
    /** What applying it did: applied, stale (older than the last applied), ignored (not ours). */
    outcome: text("outcome").notNull(),
    payload: jsonb("payload").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.eventId] }),
    index("billing_events_subscription_idx").on(t.subscriptionId),
  ],
);

/** Each reminder (kind, e.g. `renewal_30`) is sent once per subscription period. */
export const reminderSends = pgTable(
  "billing_reminder_sends",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => subscriptionPeriods.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.periodId, t.kind] })],
);

/** Test-mode checkouts: the Pulse page that completes a checkout without a card. */
export const testCheckouts = pgTable("billing_test_checkouts", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  subscriptionId: uuid("subscription_id")
    .notNull()
    .references(() => subscriptions.id, { onDelete: "cascade" }),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  completedAt: at("completed_at"),
  createdAt: createdAt(),
});

import { z } from "zod";
import { Text } from "../../../kernel/text.js";
import { Money } from "../contract.js";

/** Team licenses API (shared with web/): quotes, PO acceptance, invoices, pools and seats of an organization. */
export const LICENSE_API = {
  quotes: "/api/organizations/:orgId/licenses/quotes",
  acceptQuote: "/api/organizations/:orgId/licenses/quotes/:quoteId/accept",
  licenses: "/api/organizations/:orgId/licenses",
  invoicePdf: "/api/organizations/:orgId/licenses/invoices/:licenseInvoiceId/pdf",
  seats: "/api/organizations/:orgId/licenses/:poolId/seats",
  seat: "/api/organizations/:orgId/licenses/:poolId/seats/:seatId",
  staffOverview: "/api/admin/billing/licenses",
  staffRecordPayment: "/api/admin/billing/license-invoices/:licenseInvoiceId/payments",
} as const;

export const QuoteBody = z.object({
  planId: z.uuid(),
  seats: z.number().int().min(1).max(10_000),
  /** Seats added to this pool's term (prorated by whole months); omitted for a new pool. */
  poolId: z.uuid().optional(),
});
export const AcceptQuoteBody = z.object({ poNumber: Text.trim().min(1, "is required").max(64) });
export const AssignSeatBody = z
  .object({ userId: z.uuid().optional(), email: z.email().max(254).optional() })
  .refine((b) => Boolean(b.userId) !== Boolean(b.email), { message: "give a member (userId) or an email, not both" });
export const RecordPaymentBody = z.object({
  method: z.enum(["bank_transfer", "cheque", "card"]).default("bank_transfer"),
  reference: Text.trim().max(120).optional(),
});

export const Quote = z.object({
  id: z.uuid(),
  kind: z.enum(["new_pool", "add_seats", "renewal"]),
  planId: z.uuid(),
  planName: z.string(),
  poolId: z.uuid().nullable(),
  seats: z.number().int(),
  months: z.number().int(),
  unitPrice: Money,
  discountBps: z.number().int(),
  subtotal: Money,
  discount: Money,
  total: Money,
  status: z.enum(["open", "accepted", "expired", "withdrawn"]),
  validUntil: z.string(),
  poNumber: z.string().nullable(),
  invoiceId: z.uuid().nullable(),
});
export type Quote = z.infer<typeof Quote>;

export const LicenseInvoice = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  number: z.string(),
  status: z.enum(["draft", "open", "paid", "void"]),
  poNumber: z.string().nullable(),
  issuedAt: z.string(),
  dueAt: z.string(),
  paidAt: z.string().nullable(),
  total: Money,
  pdfUrl: z.string(),
});
export type LicenseInvoice = z.infer<typeof LicenseInvoice>;

export const Pool = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planName: z.string(),
  seats: z.number().int(),
  used: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Pool = z.infer<typeof Pool>;

export const Licenses = z.object({
  pools: z.array(Pool),
  quotes: z.array(Quote),
  invoices: z.array(LicenseInvoice),
  testMode: z.boolean(),
});
export type Licenses = z.infer<typeof Licenses>;

export const Seat = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string().nullable(),
  email: z.string(),
  /** False while an invited email has not joined the organization yet. */
  attached: z.boolean(),
  assignedAt: z.string(),
});
export type Seat = z.infer<typeof Seat>;

export const SeatList = z.object({ pool: Pool, seats: z.array(Seat) });
export type SeatList = z.infer<typeof SeatList>;

export const StaffLicenses = z.object({
  pools: z.array(Pool.extend({ orgId: z.uuid(), orgName: z.string() })),
  invoices: z.array(LicenseInvoice),
});
export type StaffLicenses = z.infer<typeof StaffLicenses>;

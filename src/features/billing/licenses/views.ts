import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { organizationNames } from "../../accounts/organizations/service.js";
import { invoices, type licensePools, plans, type quotes, seatAssignments } from "../schema.js";
import { invoiceNumber } from "../store/invoices.js";
import type { LicenseInvoice, Pool, Quote } from "./contract.js";

type PoolRow = typeof licensePools.$inferSelect;
type QuoteRow = typeof quotes.$inferSelect;
type InvoiceRow = typeof invoices.$inferSelect;

const planNames = async (db: Db, ids: string[]) => {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: plans.id, name: plans.name }).from(plans).where(inArray(plans.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Live seats per pool (held by a member or waiting for an invited email). */
export async function usedSeats(db: Db, poolIds: string[]): Promise<Map<string, number>> {
  if (poolIds.length === 0) return new Map();
  const rows = await db
    .select({ poolId: seatAssignments.poolId, n: sql<number>`count(*)::int` })
    .from(seatAssignments)
    .where(and(inArray(seatAssignments.poolId, poolIds), isNull(seatAssignments.freedAt)))
    .groupBy(seatAssignments.poolId);
  return new Map(rows.map((r) => [r.poolId, Number(r.n)]));
}

export async function poolViews(db: Db, rows: PoolRow[]): Promise<Pool[]> {
  const [names, used] = await Promise.all([
    planNames(
      db,
      rows.map((p) => p.planId),
    ),
    usedSeats(
      db,
      rows.map((p) => p.id),
    ),
  ]);
  return rows.map((p) => ({
    id: p.id,
    planId: p.planId,
    planName: names.get(p.planId) ?? "",
    seats: p.seats,
    used: used.get(p.id) ?? 0,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
  }));
}

export async function quoteViews(db: Db, rows: QuoteRow[]): Promise<Quote[]> {
  const names = await planNames(
    db,
    rows.map((q) => q.planId),
  );
  return rows.map((q) => {
    const money = (amountMinor: number) => ({ amountMinor, currency: q.currency });
    const subtotalMinor = Math.round((q.seats * q.unitAmountMinor * q.months) / 12);
    return {
      id: q.id,
      kind: q.kind,
      planId: q.planId,
      planName: names.get(q.planId) ?? "",
      poolId: q.poolId,
      seats: q.seats,
      months: q.months,
      unitPrice: money(q.unitAmountMinor),
      discountBps: q.discountBps,
      subtotal: money(subtotalMinor),
      discount: money(subtotalMinor - q.totalMinor),
      total: money(q.totalMinor),
      status: q.status,
      validUntil: q.validUntil.toISOString(),
      poNumber: q.poNumber,
      invoiceId: q.invoiceId,
    };
  });
}

export const invoicePdfUrl = (i: { id: string; orgId: string | null }, staff: boolean) =>
  staff
    ? `/api/admin/billing/license-invoices/${i.id}/pdf`
    : `/api/organizations/${i.orgId}/licenses/invoices/${i.id}/pdf`;

export async function invoiceViews(db: Db, rows: InvoiceRow[], staff = false): Promise<LicenseInvoice[]> {
  const orgIds = [...new Set(rows.map((i) => i.orgId).filter((x): x is string => Boolean(x)))];
  const orgName = await organizationNames(db, orgIds);
  return rows.map((i) => ({
    id: i.id,
    orgId: i.orgId as string,
    orgName: orgName.get(i.orgId as string) ?? "",
    number: invoiceNumber(i.sellerKey, i.number),
    status: i.status,
    poNumber: i.poNumber,
    issuedAt: i.issuedAt.toISOString(),
    dueAt: i.dueAt.toISOString(),
    paidAt: i.paidAt?.toISOString() ?? null,
    total: { amountMinor: i.totalMinor, currency: i.currency },
    pdfUrl: invoicePdfUrl(i, staff),
  }));
}

/** An organization's invoices (team invoices only; receipts belong to people). */
export const orgInvoices = (db: Db, orgId: string) =>
  db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.kind, "invoice")))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number));

export const allOrgInvoices = (db: Db) =>
  db
    .select()
    .from(invoices)
    .where(and(isNotNull(invoices.orgId), eq(invoices.kind, "invoice")))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(500);

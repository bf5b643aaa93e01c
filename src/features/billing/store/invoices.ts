import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db/database.js";
import { invoiceCounters, invoiceLines, invoices, type Party, type ProviderName } from "../schema.js";

/** "PUL-000042": the seller's key and the sequential number. */
export const invoiceNumber = (sellerKey: string, number: number) => `${sellerKey}-${String(number).padStart(6, "0")}`;

/** The seller's next invoice number, taken under the counter row's lock: no gaps, no repeats. */
export async function nextInvoiceNumber(tx: Tx, sellerKey: string): Promise<number> {
  await tx.insert(invoiceCounters).values({ sellerKey, lastNumber: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(invoiceCounters)
    .set({ lastNumber: sql`${invoiceCounters.lastNumber} + 1` })
    .where(eq(invoiceCounters.sellerKey, sellerKey))
    .returning({ n: invoiceCounters.lastNumber });
  return row?.n as number;
}

export type NewInvoice = {
  orgId?: string | null;
  userId?: string | null;
  kind: "receipt" | "invoice";
  status: "open" | "paid";
  seller: Party & { key: string };
  buyer: Party;
  poNumber?: string | null;
  currency: string;
  lines: {
    description: string;
    quantity: number;
    unitAmountMinor: number;
    planId?: string;
    periodStart?: Date;
    periodEnd?: Date;
  }[];
  discountMinor?: number;
  issuedAt: Date;
  dueAt: Date;
  paidAt?: Date | null;
  provider: ProviderName;
  subscriptionId?: string | null;
  quoteId?: string | null;
};

/** Numbers and stores an invoice with its lines (snapshots: later plan edits change nothing here). */
export async function createInvoice(tx: Tx, input: NewInvoice): Promise<typeof invoices.$inferSelect> {
  const number = await nextInvoiceNumber(tx, input.seller.key);
  const subtotal = input.lines.reduce((sum, l) => sum + l.quantity * l.unitAmountMinor, 0);
  const discount = input.discountMinor ?? 0;
  const { key, ...seller } = input.seller;
  const [row] = await tx
    .insert(invoices)
    .values({
      orgId: input.orgId ?? null,
      userId: input.userId ?? null,
      sellerKey: key,
      number,
      status: input.status,
      kind: input.kind,
      poNumber: input.poNumber ?? null,
      seller,
      buyer: input.buyer,
      currency: input.currency,
      subtotalMinor: subtotal,
      discountMinor: discount,
      totalMinor: subtotal - discount,
      issuedAt: input.issuedAt,
      dueAt: input.dueAt,
      paidAt: input.paidAt ?? null,
      provider: input.provider,
      subscriptionId: input.subscriptionId ?? null,
      quoteId: input.quoteId ?? null,
      createdAt: input.issuedAt,
    })
    .returning();
  const invoice = row as typeof invoices.$inferSelect;
  await tx.insert(invoiceLines).values(
    input.lines.map((l, i) => ({
      invoiceId: invoice.id,
      position: i + 1,
      description: l.description,
      quantity: l.quantity,
      unitAmountMinor: l.unitAmountMinor,
      amountMinor: l.quantity * l.unitAmountMinor,
      planId: l.planId ?? null,
      periodStart: l.periodStart ?? null,
      periodEnd: l.periodEnd ?? null,
    })),
  );
  return invoice;
}

export async function invoicesOfUser(db: Db, userId: string) {
  return db.select().from(invoices).where(eq(invoices.userId, userId)).orderBy(desc(invoices.issuedAt));
}

/** An invoice with its lines, only if it is the person's own. */
export async function userInvoice(db: Db, userId: string, invoiceId: string) {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.userId, userId)));
  if (!invoice) return null;
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(invoiceLines.position);
  return { invoice, lines };
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { dateText, moneyText } from "./money-text.js";
import type { invoiceLines, invoices } from "./schema.js";
import { invoiceNumber } from "./store/invoices.js";

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};

type Invoice = typeof invoices.$inferSelect;
type Line = typeof invoiceLines.$inferSelect;

/** A receipt or invoice as a one-page A4 PDF: number, dates, seller, buyer, PO number, lines, total, net 30. */
export function invoicePdf(invoice: Invoice, lines: Line[], options: { testMode: boolean }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `${invoice.kind} ${invoiceNumber(invoice.sellerKey, invoice.number)}` },
  });
  doc.registerFont("sans", readFileSync(FONTS.regular));
  doc.registerFont("bold", readFileSync(FONTS.bold));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const number = invoiceNumber(invoice.sellerKey, invoice.number);
  const money = (n: number) => moneyText(n, invoice.currency);

  doc
    .font("bold")
    .fontSize(22)
    .text(invoice.kind === "receipt" ? "Receipt" : "Invoice");
  doc.font("sans").fontSize(10).moveDown(0.3);
  doc.text(`Number: ${number}`);
  doc.text(`Issued: ${dateText(invoice.issuedAt)}`);
  if (invoice.kind === "invoice") doc.text(`Due: ${dateText(invoice.dueAt)} (net 30)`);
  if (invoice.paidAt) doc.text(`Paid: ${dateText(invoice.paidAt)}`);
  if (invoice.poNumber) doc.text(`Purchase order: ${invoice.poNumber}`);
  doc.moveDown();
  const party = (title: string, p: Invoice["seller"]) => {
    doc.font("bold").text(title);
    doc.font("sans").text(p.name);
    for (const line of p.addressLines ?? []) doc.text(line);
    if (p.email) doc.text(p.email);
    if (p.taxId) doc.text(`Tax id: ${p.taxId}`);
    doc.moveDown(0.6);
  };
  party("From", invoice.seller);
  party(invoice.kind === "receipt" ? "Paid by" : "Bill to", invoice.buyer);
  doc.moveDown(0.5);
  doc.font("bold").text("Description", 56, doc.y, { continued: false });
  for (const l of lines) {
    doc.font("sans").text(`${l.description}  ×${l.quantity}`, { width: 360 });
    doc.text(money(l.amountMinor), { align: "right" });
  }
  doc.moveDown();
  if (invoice.discountMinor > 0) doc.text(`Discount: -${money(invoice.discountMinor)}`, { align: "right" });
  doc.font("bold").text(`Total: ${money(invoice.totalMinor)}`, { align: "right" });
  if (options.testMode || invoice.provider === "test") {
    doc.moveDown(2).font("bold").fillColor("#b00020").text("TEST MODE: no card was charged and no money moved.");
  }
  doc.end();
  return done;
}

import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CredentialKind } from "./schema.js";

export type CertificateFacts = {
  holderName: string;
  title: string;
  programTitle: string;
  kind: CredentialKind;
  achievedAt: Date;
  validUntil: Date | null;
  credentialId: string;
  evidenceUrl: string;
  issuerName: string;
  revoked: boolean;
};

const KIND_LABEL: Record<CredentialKind, string> = {
  badge: "Badge",
  certificate: "Certificate of Completion",
  certification: "Professional Certification",
};

const longDate = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);

/** A landscape A4 certificate: holder, credential, date, credential id and a QR code to the evidence page. */
export async function renderCertificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const qr = await QRCode.toBuffer(facts.evidenceUrl, { margin: 1, width: 360, errorCorrectionLevel: "M" });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    info: { Title: `${facts.title}: ${facts.holderName}`, Author: facts.issuerName, Subject: facts.programTitle },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const { width, height } = doc.page;
  const ink = "#1f2544";
  const accent = "#4c51bf";
  doc
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .stroke(accent);
  doc
    .rect(34, 34, width - 68, height - 68)
    .lineWidth(0.75)
    .stroke(accent);

  const column = { x: 80, width: width - 160 };
  doc.fillColor(accent).font("Helvetica-Bold").fontSize(16).text(facts.issuerName.toUpperCase(), column.x, 78, {
    width: column.width,
    align: "center",
    characterSpacing: 3,
  });
  doc.fillColor(ink).font("Helvetica").fontSize(30).text(KIND_LABEL[facts.kind], column.x, 112, {
    width: column.width,
    align: "center",
  });
  doc
    .fontSize(13)
    .fillColor("#4a4f6a")
    .text("This is to certify that", column.x, 170, { width: column.width, align: "center" });
  doc.font("Helvetica-Bold").fontSize(34).fillColor(ink).text(facts.holderName, column.x, 194, {
    width: column.width,
    align: "center",
  });
  doc
    .font("Helvetica")
    .fontSize(13)
    .fillColor("#4a4f6a")
    .text("has earned", column.x, 246, { width: column.width, align: "center" });
  doc
    .font("Helvetica-Bold")
    .fontSize(22)
    .fillColor(accent)
    .text(facts.title, column.x, 270, { width: column.width, align: "center" });
  if (facts.programTitle !== facts.title) {
    doc.font("Helvetica").fontSize(13).fillColor("#4a4f6a");
    doc.text(facts.programTitle, { width: column.width, align: "center" });
  }

  const footY = height - 170;
  doc.fillColor(ink).font("Helvetica-Bold").fontSize(11).text("Date", 80, footY);
  doc
    .font("Helvetica")
    .fontSize(13)
    .text(longDate(facts.achievedAt), 80, footY + 16);
  if (facts.validUntil) {
    doc
      .font("Helvetica-Bold")
      .fontSize(11)
      .text("Valid until", 80, footY + 42);
    doc
      .font("Helvetica")
      .fontSize(13)
      .text(longDate(facts.validUntil), 80, footY + 58);
  }
  doc.font("Helvetica-Bold").fontSize(11).text("Credential ID", 300, footY);
  doc
    .font("Courier")
    .fontSize(10)
    .text(facts.credentialId, 300, footY + 17);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#4a4f6a")
    .text("Verify this credential:", 300, footY + 42);
  doc
    .fillColor(accent)
    .text(facts.evidenceUrl, 300, footY + 55, { width: 300, link: facts.evidenceUrl, underline: true });
  if (facts.revoked) {
    doc
      .fillColor("#b42318")
      .font("Helvetica-Bold")
      .fontSize(14)
      .text("REVOKED", 300, footY + 80);
  }
  const qrSize = 110;
  doc.image(qr, width - 80 - qrSize, footY - 10, { width: qrSize, height: qrSize });
  doc.end();
  return done;
}

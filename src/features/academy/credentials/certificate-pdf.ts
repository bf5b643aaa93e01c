import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
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

/**
 * Noto Sans (SIL OFL 1.1, from @expo-google-fonts/noto-sans): one TrueType file per weight covering Latin,
 * Latin Extended (Vietnamese included), Greek and Cyrillic. pdfkit embeds only the glyphs a certificate uses.
 * Not CJK, Arabic, Hebrew, Indic or Thai: see `unsupportedChars`.
 */
const SANS = "CertificateSans";
const SANS_BOLD = "CertificateSans-Bold";
const require = createRequire(import.meta.url);
const FONT_FILES = {
  [SANS]: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  [SANS_BOLD]: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};

/**
 * Each document gets the font files' bytes and parses them itself. A fontkit font shared between documents is
 * not safe: embedding a subset loads the glyphs that others are built from ("ć" from "c") without their
 * characters, fontkit keeps those glyph objects, and later certificates then lost such letters from their text
 * layer ("Friedrich" copied as "Friedri h" after "Łukasz Żółć").
 */
let fileData: Record<string, Buffer> | undefined;
const fontFiles = () => {
  fileData ??= Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(file)]));
  return fileData;
};

/** pdfkit's own font engine, taken from pdfkit's dependencies, only to ask which characters the fonts have. */
type GlyphCoverage = { hasGlyphForCodePoint(codePoint: number): boolean };
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(data: Buffer): GlyphCoverage };
let coverage: GlyphCoverage[] | undefined;

/** The characters of `text` that the certificate fonts cannot draw (e.g. CJK), each once; invisible ones ignored. */
export function unsupportedChars(text: string): string[] {
  coverage ??= Object.values(fontFiles()).map((data) => fontkit.create(data));
  const all = coverage;
  const missing = new Set<string>();
  for (const ch of text.normalize("NFC")) {
    if (/[\p{Cc}\p{Cf}\p{Zs}]/u.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    if (!all.every((font) => font.hasGlyphForCodePoint(cp))) missing.add(ch);
  }
  return [...missing];
}

/**
 * Noto's `ccmp` splits some precomposed letters (ị into i + combining dot below) and fontkit then remembers the
 * plain "i" glyph as "ị", so every later "i" of the certificate would copy as "ị". The fonts have every
 * precomposed letter these scripts use, so `ccmp` is off for every text. pdfkit hands this object to fontkit as
 * is; its types know only lists.
 */
const TEXT = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

type Doc = InstanceType<typeof PDFDocument>;
type Box = { x: number; y: number; width: number; height: number };

/**
 * Draws one text centred in a box: at `size` if it fits on one line, else at the largest smaller size (down to
 * `minSize`) that does, else wrapped at the largest size (below `minSize`) whose lines fit the box's height.
 * Vertically centred unless `top`.
 * Text with characters the fonts lack is drawn anyway (those glyphs show as empty boxes) inside a Span whose
 * ActualText holds the real text, for readers that copy and search by it (Acrobat does; pdf.js and poppler don't).
 */
function fittedText(
  doc: Doc,
  text: string,
  box: Box,
  style: { font: string; size: number; minSize: number; characterSpacing?: number; top?: boolean },
) {
  const value = text.normalize("NFC");
  const spacing = { ...TEXT, characterSpacing: style.characterSpacing ?? 0 };
  doc.font(style.font);
  let size = style.size;
  const fitsOneLine = () => doc.fontSize(size).widthOfString(value, spacing) <= box.width - 1;
  while (size > style.minSize && !fitsOneLine()) size -= 1;
  const options = { ...spacing, width: box.width, align: "center" as const };
  if (!fitsOneLine()) {
    while (size > 4 && doc.fontSize(size).heightOfString(value, options) > box.height) size -= 0.5;
  }
  doc.fontSize(size);
  const height = Math.min(box.height, doc.heightOfString(value, options));
  const marked = unsupportedChars(value).length > 0;
  if (marked) doc.markContent("Span", { actual: value });
  const y = style.top ? box.y : box.y + (box.height - height) / 2;
  doc.text(value, box.x, y, { ...options, height: box.height });
  if (marked) doc.endMarkedContent();
}

/** A landscape A4 certificate: holder, credential, date, credential id and a QR code to the evidence page. */
export async function renderCertificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const qr = await QRCode.toBuffer(facts.evidenceUrl, { margin: 1, width: 360, errorCorrectionLevel: "M" });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    info: { Title: `${facts.title}: ${facts.holderName}`, Author: facts.issuerName, Subject: facts.programTitle },
  });
  for (const [name, data] of Object.entries(fontFiles())) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const { width, height } = doc.page;
  const ink = "#1f2544";
  const muted = "#4a4f6a";
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
  doc.fillColor(accent);
  fittedText(
    doc,
    facts.issuerName.toUpperCase(),
    { ...column, y: 72, height: 26 },
    {
      font: SANS_BOLD,
      size: 16,
      minSize: 9,
      characterSpacing: 3,
    },
  );
  doc
    .fillColor(ink)
    .font(SANS)
    .fontSize(30)
    .text(KIND_LABEL[facts.kind], column.x, 104, {
      ...TEXT,
      width: column.width,
      align: "center",
    });
  doc
    .fontSize(13)
    .fillColor(muted)
    .text("This is to certify that", column.x, 164, { ...TEXT, width: column.width, align: "center" });
  doc.fillColor(ink);
  fittedText(doc, facts.holderName, { ...column, y: 186, height: 54 }, { font: SANS_BOLD, size: 34, minSize: 18 });
  doc
    .font(SANS)
    .fontSize(13)
    .fillColor(muted)
    .text("has earned", column.x, 240, { ...TEXT, width: column.width, align: "center" });
  doc.fillColor(accent);
  fittedText(
    doc,
    facts.title,
    { ...column, y: 262, height: 62 },
    { font: SANS_BOLD, size: 22, minSize: 14, top: true },
  );
  if (facts.programTitle !== facts.title) {
    doc.fillColor(muted);
    fittedText(
      doc,
      facts.programTitle,
      { ...column, y: doc.y, height: 38 },
      { font: SANS, size: 13, minSize: 9, top: true },
    );
  }

  const footY = height - 170;
  const qrSize = 110;
  doc.fillColor(ink).font(SANS_BOLD).fontSize(11).text("Date", 80, footY, TEXT);
  doc
    .font(SANS)
    .fontSize(13)
    .text(longDate(facts.achievedAt), 80, footY + 14, TEXT);
  if (facts.validUntil) {
    doc
      .font(SANS_BOLD)
      .fontSize(11)
      .text("Valid until", 80, footY + 42, TEXT);
    doc
      .font(SANS)
      .fontSize(13)
      .text(longDate(facts.validUntil), 80, footY + 56, TEXT);
  }
  doc.font(SANS_BOLD).fontSize(11).text("Credential ID", 300, footY, TEXT);
  doc
    .font("Courier")
    .fontSize(10)
    .text(facts.credentialId, 300, footY + 17);
  doc
    .font(SANS)
    .fontSize(9)
    .fillColor(muted)
    .text("Verify this credential:", 300, footY + 40, TEXT);
  doc.fillColor(accent).text(facts.evidenceUrl, 300, footY + 53, {
    ...TEXT,
    width: width - 400 - qrSize,
    link: facts.evidenceUrl,
    underline: true,
  });
  if (facts.revoked) {
    doc
      .fillColor("#b42318")
      .font(SANS_BOLD)
      .fontSize(14)
      .text("REVOKED", 300, footY + 78, TEXT);
  }
  const undrawable = unsupportedChars([facts.issuerName, facts.holderName, facts.title, facts.programTitle].join(""));
  if (undrawable.length > 0) {
    doc
      .fillColor(muted)
      .font(SANS)
      .fontSize(9)
      .text(
        "Some characters on this certificate cannot be shown in this PDF; the verification page linked above shows them.",
        80,
        height - 62,
        { ...TEXT, width: column.width, align: "center" },
      );
  }
  doc.image(qr, width - 80 - qrSize, footY - 10, { width: qrSize, height: qrSize });
  doc.end();
  return done;
}

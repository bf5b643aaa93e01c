import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { type CpdRecord, SOURCE_LABELS } from "./record.js";

const require = createRequire(import.meta.url);
const SANS = "TranscriptSans";
const SANS_BOLD = "TranscriptSans-Bold";
const FONTS = {
  [SANS]: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  [SANS_BOLD]: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};

const hm = (minutes: number) =>
  `${minutes < 0 ? "-" : ""}${Math.floor(Math.abs(minutes) / 60)}h ${Math.abs(minutes) % 60}m`;

/** The CPD transcript for an employer or auditor: holder, standing, totals per source, every entry. */
export function renderTranscriptPdf(record: CpdRecord): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `CPD transcript: ${record.name}` } });
  // fresh font bytes per document (a shared fontkit font is not safe between documents)
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, readFileSync(file));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font(SANS_BOLD).fontSize(18).text("Continuing Professional Development transcript");
  doc.moveDown(0.3).font(SANS).fontSize(10).fillColor("#444");
  doc.text(`${record.name} <${record.email}> · ${record.programTitle}`);
  doc.text(`Generated on ${record.generatedOn} (${record.timeZone}). Dates are the learner's local dates.`);
  doc.fillColor("#000").moveDown();
  const s = record.standing;
  if (s) {
    const r = s.recert;
    doc.font(SANS_BOLD).fontSize(12).text(s.credential.title);
    doc.font(SANS).fontSize(10);
    doc.text(
      `Achieved ${s.achievedOn} · anniversary ${r.anniversaryOn} · expires ${r.expiresOn} · ${r.standing.replace("_", " ")}`,
    );
    doc.text(
      `This cycle (from ${r.cycle.startsOn}): ${hm(r.appliedMinutes)} of ${hm(r.requiredMinutes)} applied, ${hm(r.remainingMinutes)} remaining.`,
    );
    doc.moveDown();
  }
  const bySource = new Map<string, number>();
  for (const e of record.entries) bySource.set(e.source, (bySource.get(e.source) ?? 0) + e.minutes);
  doc.font(SANS_BOLD).fontSize(12).text("CPD time per source");
  doc.font(SANS).fontSize(10);
  for (const [source, label] of Object.entries(SOURCE_LABELS)) {
    if (bySource.has(source)) doc.text(`${label}: ${hm(bySource.get(source) ?? 0)}`);
  }
  doc.text(`Total: ${hm(record.entries.reduce((n, e) => n + e.minutes, 0))}`);
  doc.moveDown();
  doc.font(SANS_BOLD).fontSize(12).text("Activity");
  doc.font(SANS).fontSize(9);
  for (const e of record.entries) {
    const what = e.reversesEntryId ? `Reversed: ${e.title}${e.note ? ` (${e.note})` : ""}` : e.title;
    doc.text(
      `${e.occurredOn}  ${hm(e.minutes).padStart(8)}  ${SOURCE_LABELS[e.source] ?? e.source} · ${e.assetType} · ${e.activityType}  ${what}`,
    );
  }
  if (record.entries.length === 0) doc.text("No CPD recorded yet.");
  doc.end();
  return done;
}

import { inflateSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { describe, expect, it } from "vitest";
import { type CertificateFacts, renderCertificatePdf, unsupportedChars } from "./certificate-pdf.js";

const FACTS: CertificateFacts = {
  holderName: "Ada Lovelace",
  title: "Certified Mini Professional",
  programTitle: "Customer Success Foundations",
  kind: "certification",
  achievedAt: new Date("2026-03-04T00:00:00Z"),
  validUntil: new Date("2028-03-04T00:00:00Z"),
  credentialId: "0b6f0c1e-8d2a-4d8e-9a51-5c7f3e2b1a90",
  evidenceUrl: "https://pulse.example/evidence/0b6f0c1e-8d2a-4d8e-9a51-5c7f3e2b1a90",
  issuerName: "Pulse Academy",
  revoked: false,
};

type Line = { text: string; x: number; baseline: number; width: number; size: number };

/** The PDF's first page as pdf.js reads it: one entry per text line, with its position (points, from the bottom). */
async function readPdf(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const [pageWidth, pageHeight] = [page.view[2] ?? 0, page.view[3] ?? 0];
  const items = (await page.getTextContent()).items.filter((i): i is TextItem => "str" in i);
  const lines: Line[] = [];
  let open: Line | undefined;
  for (const item of items) {
    const [size = 0, , , , x = 0, baseline = 0] = item.transform as number[];
    if (!open) {
      open = { text: "", x, baseline, width: 0, size };
      lines.push(open);
    }
    open.text += item.str;
    open.width = x + item.width - open.x;
    if (item.hasEOL) open = undefined;
  }
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  await doc.destroy();
  return { lines, pageWidth, pageHeight, title: info.Title };
}

const lineOf = (lines: Line[], text: string) => {
  const line = lines.find((l) => l.text === text);
  if (!line) throw new Error(`no line "${text}" in ${JSON.stringify(lines.map((l) => l.text))}`);
  return line;
};

/** The ActualText strings of the page's marked content (PDF literal strings in UTF-16BE, as pdfkit writes them). */
function actualTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const found: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? "", "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const a of content.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)/g)) {
      const bytes = (a[1] ?? "").replace(
        /\\([nrtbf()\\])/g,
        (_, c: string) => ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" })[c] ?? c,
      );
      found.push(new TextDecoder("utf-16be").decode(Buffer.from(bytes, "latin1")).replace(/^\uFEFF/, ""));
    }
  }
  return found;
}

const NAMES = [
  "Łukasz Żółć",
  "Ærøskøbing Ødegård",
  "Дмитрий Иванов",
  "Αλέξανδρος",
  "Nguyễn Thị Minh",
  "Şükrü Çağlar Ğıdık",
  "Ђорђе Ћосић-Љубичић",
  "Trần Đức Hưởng",
];

describe("certificate PDF fonts", () => {
  it.each(NAMES)("draws %s with the embedded fonts and gives the name back exactly", async (holderName) => {
    const pdf = await renderCertificatePdf({ ...FACTS, holderName });
    const { lines } = await readPdf(pdf);
    const name = lineOf(lines, holderName);
    expect(name.size).toBeCloseTo(34, 0);
    // A name sharing glyphs with the title must not change how the title's letters read (Vietnamese "ị" vs "i").
    expect(lines.map((l) => l.text)).toContain(FACTS.title);
    expect(lines.map((l) => l.text)).not.toContain(
      "Some characters on this certificate cannot be shown in this PDF; the verification page linked above shows them.",
    );
    expect(unsupportedChars(holderName)).toEqual([]);
  });

  it("gives the same text whatever certificates were rendered before it", async () => {
    // "ć" is drawn from the glyph of "c": fonts shared between documents lost the "c" of later ones.
    await renderCertificatePdf({ ...FACTS, holderName: "Łukasz Żółć" });
    const { lines } = await readPdf(await renderCertificatePdf({ ...FACTS, holderName: "Friedrich Schwarz" }));
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(["Friedrich Schwarz", FACTS.title]));
  });

  it("embeds Noto Sans regular and bold as subsets and uses no Helvetica", async () => {
    const raw = (await renderCertificatePdf({ ...FACTS, holderName: "Łukasz Żółć" })).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(2);
    expect(raw).not.toContain("Helvetica");
  });

  it("draws titles, programmes and issuer names in other scripts too", async () => {
    const facts = {
      ...FACTS,
      holderName: "Θεοδώρα Παπαδοπούλου",
      title: "Сертифицированный специалист",
      programTitle: "Chương trình Thành công Khách hàng",
      issuerName: "Żółta Akademia",
    };
    const { lines, title } = await readPdf(await renderCertificatePdf(facts));
    const texts = lines.map((l) => l.text);
    expect(texts).toEqual(expect.arrayContaining([facts.holderName, facts.title, facts.programTitle]));
    // The issuer is set in capitals with letter spacing, which pdf.js reads as spaces between the letters.
    expect(texts.map((t) => t.replace(/\s/g, ""))).toContain("ŻÓŁTAAKADEMIA");
    expect(title).toBe(`${facts.title}: ${facts.holderName}`);
  });

  it("covers every Latin, Greek and Cyrillic letter up to U+1FFF (Vietnamese included)", () => {
    const letters: string[] = [];
    for (let cp = 0x41; cp < 0x2000; cp++) {
      const ch = String.fromCodePoint(cp);
      // U+1C89/U+1C8A (Cyrillic TJE) arrived in Unicode 16, after this Noto Sans release.
      if (cp === 0x1c89 || cp === 0x1c8a) continue;
      if (/\p{L}/u.test(ch) && /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(ch)) letters.push(ch);
    }
    expect(letters.length).toBeGreaterThan(1000);
    expect(unsupportedChars(letters.join(""))).toEqual([]);
  });

  it("shrinks, then wraps, a long name so that it stays between its two neighbouring lines", async () => {
    const fitsOneLine = "Maximilian Konstantin Wolfgang von Hohenzollern-Sigmaringen";
    const mustWrap =
      "Maximilian Alexander Konstantin Wolfgang Friedrich von Hohenzollern-Sigmaringen und Schwarzenberg-Österreich";
    for (const holderName of [fitsOneLine, mustWrap]) {
      const { lines, pageWidth } = await readPdf(await renderCertificatePdf({ ...FACTS, holderName }));
      const above = lineOf(lines, "This is to certify that");
      const below = lineOf(lines, "has earned");
      const nameLines = lines.filter((l) => l.baseline < above.baseline && l.baseline > below.baseline);
      // Lines break at a space or after a hyphen.
      const rejoined = nameLines.map((l) => l.text.trim()).join(" ");
      expect(rejoined.replace(/- /g, "-")).toBe(holderName);
      for (const line of nameLines) {
        expect(line.size).toBeLessThan(34);
        expect(line.size).toBeGreaterThanOrEqual(holderName === fitsOneLine ? 18 : 8);
        expect(line.x).toBeGreaterThanOrEqual(80);
        expect(line.x + line.width).toBeLessThanOrEqual(pageWidth - 80);
        // Room for descenders above the next line, and for the line above's descenders.
        expect(line.baseline - below.baseline).toBeGreaterThan(line.size * 0.3 + below.size);
        expect(above.baseline - line.baseline).toBeGreaterThan(line.size);
      }
      expect(nameLines).toHaveLength(holderName === fitsOneLine ? 1 : 2);
    }
  });
});

describe("certificate PDF with characters the fonts lack (CJK)", () => {
  const holderName = "山田太郎";

  it("still renders, says so on the page, and keeps the name as ActualText and in the document title", async () => {
    expect(unsupportedChars(`${holderName} Łukasz`)).toEqual([..."山田太郎"]);
    const pdf = await renderCertificatePdf({ ...FACTS, holderName });
    const { lines, title } = await readPdf(pdf);
    expect(lines.map((l) => l.text)).toContain(
      "Some characters on this certificate cannot be shown in this PDF; the verification page linked above shows them.",
    );
    expect(lines.map((l) => l.text)).toContain(FACTS.title);
    expect(title).toBe(`${FACTS.title}: ${holderName}`);
    expect(actualTexts(pdf)).toEqual([holderName]);
  });
});

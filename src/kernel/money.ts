/** Money is an integer number of minor units (cents) with an ISO 4217 currency. */
export type Money = { amountMinor: number; currency: string };

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Parses "1,234.56" or "1234" into minor units (2 decimals); null when it is not a number. */
export function parseMajorUnits(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[,\s]/g, "")
    .replace(/^[$€£]/, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.replace("-", "").split(".");
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return cleaned.startsWith("-") ? -minor : minor;
}

export const formatMinor = (amountMinor: number): string => (amountMinor / 100).toFixed(2);

/** Money arrives as integer minor units with an ISO currency; these turn it into text and back. */

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export const toMajor = (minor: number, currency: string): number => minor / 10 ** currencyDigits(currency);
export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** currencyDigits(currency));

/** "$120,000" (cents shown only when there are any), or "$1.2M" when compact. */
export function formatMoney(minor: number, currency: string, { compact = false } = {}): string {
  const digits = currencyDigits(currency);
  const major = minor / 10 ** digits;
  const whole = minor % 10 ** digits === 0;
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      notation: compact ? "compact" : "standard",
      minimumFractionDigits: compact || whole ? 0 : digits,
      maximumFractionDigits: compact ? 1 : digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

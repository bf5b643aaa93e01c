/** "USD 900.00": an amount as mails, pages and PDFs print it. */
export function moneyText(amountMinor: number, currency: string): string {
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${currency} ${sign}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** "10 March 2027" in the person's time zone. */
export function dateText(date: Date, timeZone = "UTC"): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
      date,
    );
  }
}

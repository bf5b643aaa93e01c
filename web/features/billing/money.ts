import type { Money } from "../../../src/features/billing/contract";

/** "$900.00" (the amount is integer minor units). */
export function formatMoney({ amountMinor, currency }: Money): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amountMinor / 100);
  } catch {
    return `${currency} ${(amountMinor / 100).toFixed(2)}`;
  }
}

import { AppError } from "../../../kernel/app-error.js";
import type { BillingProvider } from "./provider.js";

const noCard = () =>
  new AppError("rule_broken", "Purchase-order invoices have no card checkout; individuals pay by card.");

/**
 * Manual invoices (purchase orders): Pulse numbers and issues the invoice (PDF, net 30) and staff record
 * the payment when the transfer arrives; nothing is sent to a provider.
 */
export function createManualInvoiceProvider(): BillingProvider {
  return {
    name: "manual",
    movesMoney: true,
    renewsItself: false,
    supports: { cardCheckout: false, invoices: true },
    async createCheckout() {
      throw noCard();
    },
    async cancelAtPeriodEnd() {
      throw noCard();
    },
    async resume() {
      throw noCard();
    },
    async chargeRenewal() {
      return { ok: false, reason: "A purchase-order invoice is paid by transfer; staff record the payment." };
    },
    async issueInvoice() {
      return { providerInvoiceId: null, hostedUrl: null };
    },
    async voidInvoice() {},
  };
}

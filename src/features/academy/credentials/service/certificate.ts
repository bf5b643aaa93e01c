import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { renderCertificatePdf } from "../certificate-pdf.js";
import { credentialUrls, ISSUER_NAME } from "../open-badge.js";
import { ownCredential } from "./holder.js";

/** The holder's PDF certificate of one credential. */
export async function certificatePdf(ctx: AppContext, actor: Actor, credentialId: string) {
  const row = await ownCredential(ctx, actor, credentialId);
  const pdf = await renderCertificatePdf({
    holderName: row.recipientName,
    title: row.title,
    programTitle: row.programTitle,
    kind: row.kind,
    achievedAt: row.achievedAt,
    validUntil: row.validUntil,
    credentialId: row.id,
    evidenceUrl: credentialUrls(ctx.appUrl).evidence(row.id),
    issuerName: ISSUER_NAME,
    revoked: Boolean(row.revokedAt),
  });
  const slug = row.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { pdf, fileName: `${slug || "certificate"}-${row.id.slice(0, 8)}.pdf` };
}

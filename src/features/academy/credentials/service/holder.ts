import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { CredentialSummary, EvidencePage, MyCredentialList, UpdateMyCredentialBody } from "../contract.js";
import { VC_CONTEXT } from "../open-badge.js";
import * as store from "../store.js";
import { presentCredential } from "./present.js";

/** The actor's own credential, or 404 (someone else's credential is not found, so ids reveal nothing). */
export async function ownCredential(ctx: AppContext, actor: Actor, credentialId: string) {
  const row = await store.findCredential(ctx.database.db, credentialId);
  if (!row || row.userId !== actor.userId) throw notFound("Credential");
  return row;
}

export async function listMyCredentials(ctx: AppContext, actor: Actor): Promise<MyCredentialList> {
  const rows = await store.listUserCredentials(ctx.database.db, actor.userId);
  const now = ctx.clock.now();
  return { credentials: rows.map((r) => presentCredential(ctx.appUrl, r, now)) };
}

/** Hides or shows the public evidence page. */
export async function updateMyCredential(
  ctx: AppContext,
  actor: Actor,
  credentialId: string,
  body: UpdateMyCredentialBody,
): Promise<CredentialSummary> {
  const row = await ownCredential(ctx, actor, credentialId);
  await store.updateCredential(ctx.database.db, row.id, { hidden: body.hidden, updatedAt: ctx.clock.now() });
  return presentCredential(ctx.appUrl, { ...row, hidden: body.hidden }, ctx.clock.now());
}

/** The public evidence page; a hidden one is only for its holder and platform admins (404 to others). */
export async function evidencePage(ctx: AppContext, actor: Actor | null, credentialId: string): Promise<EvidencePage> {
  const row = await store.findCredential(ctx.database.db, credentialId);
  const isHolder = Boolean(row && actor && actor.userId === row.userId);
  if (!row || (row.hidden && !isHolder && !actor?.isPlatformAdmin)) {
    throw new AppError("not_found", "This credential was not found, or its holder keeps it private.");
  }
  return { ...presentCredential(ctx.appUrl, row, ctx.clock.now()), jwt: row.jwt, viewerIsHolder: isHolder };
}

/** The evidence page's facts for its Open Graph tags, or null when the page is hidden or unknown. */
export async function publicCredentialFacts(ctx: AppContext, credentialId: string) {
  const row = await store.findCredential(ctx.database.db, credentialId);
  if (!row || row.hidden) return null;
  return presentCredential(ctx.appUrl, row, ctx.clock.now());
}

/**
 * The signed credential as a JSON file: a VC 2.0 EnvelopedVerifiableCredential whose id is the VC-JWT
 * as a data: URL (the standard JSON form of a JWT-secured credential; the verify page accepts it).
 */
export async function credentialDownload(ctx: AppContext, actor: Actor, credentialId: string) {
  const row = await ownCredential(ctx, actor, credentialId);
  return {
    fileName: `pulse-credential-${row.id}.json`,
    body: {
      "@context": [VC_CONTEXT],
      id: `data:application/vc+jwt,${row.jwt}`,
      type: "EnvelopedVerifiableCredential",
    },
  };
}

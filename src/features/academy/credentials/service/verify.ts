import type { AppContext } from "../../../../platform/context.js";
import type { VerifiedCredential, VerifyBody, VerifyResult } from "../contract.js";
import { STATUS_LIST_PATH } from "../open-badge.js";
import { emailIdentityHash } from "../recipient.js";
import { STATUS_LIST_SIZE } from "../status-list.js";
import * as store from "../store.js";
import { checkSignature } from "./signing-keys.js";

const ENVELOPE_PREFIX = "data:application/vc+jwt,";
const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The compact JWS in what was pasted: the JWT itself, a data: URL, or the downloaded JSON envelope. */
export function extractJws(input: string): string | null {
  const text = input.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as { id?: unknown };
      return typeof parsed.id === "string" && parsed.id.startsWith(ENVELOPE_PREFIX)
        ? parsed.id.slice(ENVELOPE_PREFIX.length)
        : null;
    } catch {
      return null;
    }
  }
  return text.startsWith(ENVELOPE_PREFIX) ? text.slice(ENVELOPE_PREFIX.length) : text;
}

type Payload = {
  id?: unknown;
  type?: unknown;
  name?: unknown;
  description?: unknown;
  issuer?: { id?: unknown; name?: unknown };
  validFrom?: unknown;
  validUntil?: unknown;
  awardedDate?: unknown;
  credentialSubject?: {
    identifier?: { identityHash?: unknown; salt?: unknown }[];
    achievement?: { achievementType?: unknown; criteria?: { narrative?: unknown } };
  };
  evidence?: { name?: unknown; narrative?: unknown }[];
  credentialStatus?: { statusListIndex?: unknown; statusListCredential?: unknown };
};

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The path of a status list URL, or null when it is not a URL. */
function pathOf(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).pathname;
}

/**
 * The credential's global status index from its BitstringStatusListEntry. The signature already proved
 * Pulse wrote it, so the list is read by its path: a credential issued before the site moved (another
 * APP_URL) keeps its status.
 */
function statusIndexOf(p: Payload): number | null {
  const path = pathOf(str(p.credentialStatus?.statusListCredential));
  const index = Number(str(p.credentialStatus?.statusListIndex));
  if (!path?.startsWith(STATUS_LIST_PATH) || !Number.isInteger(index) || index < 0 || index >= STATUS_LIST_SIZE) {
    return null;
  }
  const listNumber = Number(path.slice(STATUS_LIST_PATH.length));
  return Number.isInteger(listNumber) && listNumber >= 0 ? listNumber * STATUS_LIST_SIZE + index : null;
}

/**
 * Verifies a presented credential: the signature against the issuer's keys (any change -> "tampered"),
 * then revocation through its status list entry, then expiry (validUntil) against the server clock.
 */
export async function verifyCredential(ctx: AppContext, body: VerifyBody): Promise<VerifyResult> {
  const jws = extractJws(body.credential);
  if (!jws) return { status: "tampered", reason: "This is not a signed credential (a VC-JWT or its JSON envelope)." };
  const check = await checkSignature(ctx, jws);
  if (!check.ok) {
    return {
      status: "tampered",
      reason: "The signature does not match: this credential was changed or not issued by Pulse Academy.",
    };
  }
  const p = check.payload as Payload;
  const types = Array.isArray(p.type) ? p.type : [];
  const idMatch = str(p.id)?.match(UUID_URN);
  const statusIndex = statusIndexOf(p);
  const validFrom = str(p.validFrom);
  if (!types.includes("OpenBadgeCredential") || !idMatch || statusIndex === null || !validFrom) {
    return { status: "tampered", reason: "The signed content is not an Open Badges credential of Pulse Academy." };
  }
  const credentialId = (idMatch[1] as string).toLowerCase();
  const row = await store.findCredential(ctx.database.db, credentialId);
  const revoked = await store.isIndexRevoked(ctx.database.db, statusIndex);
  const validUntil = str(p.validUntil);
  const now = ctx.clock.now();

  const identifier = p.credentialSubject?.identifier?.[0];
  const summary: VerifiedCredential = {
    id: credentialId,
    title: str(p.name) ?? "",
    description: str(p.description) ?? "",
    achievementType: str(p.credentialSubject?.achievement?.achievementType) ?? "",
    criteria: str(p.credentialSubject?.achievement?.criteria?.narrative) ?? "",
    issuerName: str(p.issuer?.name) ?? "",
    issuerId: str(p.issuer?.id) ?? "",
    holderName: row?.recipientName ?? null,
    validFrom,
    validUntil,
    awardedDate: str(p.awardedDate),
    revokedAt: revoked ? (row?.revokedAt?.toISOString() ?? null) : null,
    revokedReason: revoked ? (row?.revokedReason ?? null) : null,
    evidence: (Array.isArray(p.evidence) ? p.evidence : []).map((e) => ({
      name: str(e.name) ?? "",
      narrative: str(e.narrative) ?? "",
    })),
    evidenceUrl: row && !row.hidden ? `${ctx.appUrl}/evidence/${credentialId}` : null,
  };
  const recipientMatches =
    body.email && str(identifier?.salt) !== null
      ? emailIdentityHash(body.email, identifier?.salt as string) === str(identifier?.identityHash)
      : undefined;
  const extra = recipientMatches === undefined ? {} : { recipientMatches };

  if (revoked) {
    return { status: "revoked", reason: "The issuer revoked this credential.", credential: summary, ...extra };
  }
  if (validUntil && new Date(validUntil).getTime() <= now.getTime()) {
    return {
      status: "expired",
      reason: `This credential expired on ${validUntil.slice(0, 10)}.`,
      credential: summary,
      ...extra,
    };
  }
  return { status: "valid", credential: summary, ...extra };
}

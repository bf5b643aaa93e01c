import type { CredentialEvidence, CredentialKind } from "./schema.js";
import { statusPosition } from "./status-list.js";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const ISSUER_NAME = "Pulse Academy";

/** Where Pulse is reached (APP_URL) and the base of its issuer id (ISSUER_URL), which stays put when the site moves. */
export type CredentialSite = { appUrl: string; issuerUrl: string };

/** The issuer id every credential names: stable, so credentials issued before a move keep their issuer. */
export const issuerId = (issuerUrl: string) => `${issuerUrl}/api/credentials/issuer`;

export const STATUS_LIST_PATH = "/api/credentials/status-lists/";

/** The public URLs a credential points at, all served by this app where it runs now. */
export const credentialUrls = (appUrl: string) => ({
  jwks: `${appUrl}/.well-known/jwks.json`,
  statusList: (list: number) => `${appUrl}${STATUS_LIST_PATH}${list}`,
  evidence: (credentialId: string) => `${appUrl}/evidence/${credentialId}`,
  verify: (credentialId: string) => `${appUrl}/verify/${credentialId}`,
});

export const ACHIEVEMENT_TYPES: Record<CredentialKind, string> = {
  badge: "Badge",
  certificate: "Certificate",
  certification: "Certification",
};

export type IssuerProfile = {
  id: string;
  type: ["Profile"];
  name: string;
  url: string;
  description: string;
};

export function issuerProfile(site: CredentialSite): IssuerProfile {
  return {
    id: issuerId(site.issuerUrl),
    type: ["Profile"],
    name: ISSUER_NAME,
    url: site.appUrl,
    description: "Pulse Academy issues the badges, certificates and certifications earned in its programs.",
  };
}

export type CredentialFacts = {
  id: string;
  kind: CredentialKind;
  /** The catalog row the achievement stands for (module or level id). */
  achievementId: string;
  title: string;
  description: string;
  criteria: string;
  programTitle: string;
  recipient: { identityHash: string; salt: string };
  evidence: CredentialEvidence;
  validFrom: Date;
  validUntil: Date | null;
  issuedAt: Date;
  statusIndex: number;
};

/** The exam result and module lines an evidence page and the credential's `evidence` both show. */
export function evidenceLines(evidence: CredentialEvidence): { name: string; narrative: string; genre: string }[] {
  const day = (iso: string | null) => (iso ? ` on ${iso.slice(0, 10)}` : "");
  return [
    ...evidence.modules.map((m) => ({
      name: `Module ${m.number}: ${m.title}`,
      narrative: `Completed${day(m.completedAt)}.`,
      genre: "Module completion",
    })),
    ...evidence.exams.map((e) => ({
      name: e.title,
      narrative: `${e.passed ? "Passed" : "Not passed"} with ${e.scorePercent}% (pass mark ${e.passPercent}%)${day(e.at)}.`,
      genre: "Exam result",
    })),
  ];
}

/** An Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0), unsigned. */
export function buildOpenBadgeCredential(site: CredentialSite, facts: CredentialFacts) {
  const urls = credentialUrls(site.appUrl);
  const { list, index } = statusPosition(facts.statusIndex);
  const evidenceUrl = urls.evidence(facts.id);
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${facts.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: facts.title,
    description: facts.description,
    issuer: issuerProfile(site),
    validFrom: facts.validFrom.toISOString(),
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    awardedDate: facts.issuedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: facts.recipient.identityHash,
          identityType: "emailAddress",
          hashed: true,
          salt: facts.recipient.salt,
        },
      ],
      achievement: {
        id: `urn:uuid:${facts.achievementId}`,
        type: ["Achievement"],
        achievementType: ACHIEVEMENT_TYPES[facts.kind],
        name: facts.title,
        description: facts.description,
        criteria: { narrative: facts.criteria },
        creator: { id: issuerId(site.issuerUrl), type: ["Profile"], name: ISSUER_NAME },
        tag: [facts.programTitle],
      },
    },
    evidence: evidenceLines(facts.evidence).map((line) => ({
      id: evidenceUrl,
      type: ["Evidence"],
      name: line.name,
      narrative: line.narrative,
      genre: line.genre,
    })),
    credentialStatus: {
      id: `${urls.statusList(list)}#${index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(index),
      statusListCredential: urls.statusList(list),
    },
  };
}
export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;

/** The status list credential (BitstringStatusListCredential) for one list, unsigned. */
export function buildStatusListCredential(site: CredentialSite, list: number, encodedList: string, validFrom: Date) {
  const url = credentialUrls(site.appUrl).statusList(list);
  return {
    "@context": [VC_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: issuerId(site.issuerUrl),
    validFrom: validFrom.toISOString(),
    credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList },
  };
}

/** Adds `months` calendar months (UTC), clamping to the month's last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

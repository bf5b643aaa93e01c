import { describe, expect, it } from "vitest";
import { evidenceHtml } from "./evidence-html.js";
import { linkedInAddUrl } from "./linkedin.js";
import { addMonths, buildOpenBadgeCredential, type CredentialFacts, OB_CONTEXT, VC_CONTEXT } from "./open-badge.js";
import { emailIdentityHash } from "./recipient.js";

/** One address for the site and the issuer id, as when ISSUER_URL is not set. */
const site = (url: string) => ({ appUrl: url, issuerUrl: url });

const facts = (over: Partial<CredentialFacts> = {}): CredentialFacts => ({
  id: "0b7c3c1e-8a0e-4a57-9a55-0f7f0c7d1d11",
  kind: "certification",
  achievementId: "5e0d1f2a-1b1c-4c4d-8e8f-000000000004",
  title: "Certified CSM Professional",
  description: "Awarded for passing Level 4.",
  criteria: "Pass Exam A and Exam B.",
  programTitle: "Certified CSM Professional",
  recipient: { identityHash: emailIdentityHash("Ada@Example.test", "salt1"), salt: "salt1" },
  evidence: {
    modules: [{ id: "m1", number: 1, title: "Fundamentals", completedAt: "2026-02-01T10:00:00.000Z" }],
    exams: [
      { id: "e1", title: "Exam A", scorePercent: 82, passPercent: 75, passed: true, at: "2026-03-01T10:00:00.000Z" },
    ],
  },
  validFrom: new Date("2026-03-01T10:00:00Z"),
  validUntil: new Date("2027-03-01T10:00:00Z"),
  issuedAt: new Date("2026-03-01T10:05:00Z"),
  statusIndex: 131_075,
  ...over,
});

describe("OpenBadgeCredential", () => {
  it("has both contexts, the types, the issuer profile and the achievement", () => {
    const vc = buildOpenBadgeCredential(site("https://pulse.example"), facts());
    expect(vc["@context"]).toEqual([VC_CONTEXT, OB_CONTEXT]);
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc.id).toBe("urn:uuid:0b7c3c1e-8a0e-4a57-9a55-0f7f0c7d1d11");
    expect(vc.issuer).toMatchObject({
      id: "https://pulse.example/api/credentials/issuer",
      type: ["Profile"],
      name: "Pulse Academy",
    });
    expect(vc.credentialSubject.achievement).toMatchObject({
      type: ["Achievement"],
      achievementType: "Certification",
      name: "Certified CSM Professional",
      criteria: { narrative: "Pass Exam A and Exam B." },
    });
    expect(vc.evidence.map((e) => e.narrative)).toEqual([
      "Completed on 2026-02-01.",
      "Passed with 82% (pass mark 75%) on 2026-03-01.",
    ]);
  });

  it("hashes the recipient's email with the salt (case-insensitive)", () => {
    const vc = buildOpenBadgeCredential(site("https://pulse.example"), facts());
    const id = vc.credentialSubject.identifier[0];
    expect(id).toMatchObject({ type: "IdentityObject", identityType: "emailAddress", hashed: true, salt: "salt1" });
    expect(id?.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(id?.identityHash).toBe(emailIdentityHash("ada@example.test ", "salt1"));
    expect(id?.identityHash).not.toBe(emailIdentityHash("ada@example.test", "salt2"));
  });

  it("has validUntil only where the credential expires", () => {
    expect(buildOpenBadgeCredential(site("https://p"), facts()).validUntil).toBe("2027-03-01T10:00:00.000Z");
    expect("validUntil" in buildOpenBadgeCredential(site("https://p"), facts({ validUntil: null }))).toBe(false);
  });

  it("points its status entry at the right list and bit", () => {
    const vc = buildOpenBadgeCredential(site("https://p"), facts());
    expect(vc.credentialStatus).toEqual({
      id: "https://p/api/credentials/status-lists/1#3",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "3",
      statusListCredential: "https://p/api/credentials/status-lists/1",
    });
  });
});

describe("addMonths", () => {
  it("adds calendar months and clamps to the month's end", () => {
    expect(addMonths(new Date("2026-03-15T09:00:00Z"), 12).toISOString()).toBe("2027-03-15T09:00:00.000Z");
    expect(addMonths(new Date("2028-02-29T00:00:00Z"), 12).toISOString()).toBe("2029-02-28T00:00:00.000Z");
    expect(addMonths(new Date("2026-01-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});

describe("LinkedIn add-certification link", () => {
  it("fills in name, organization, dates, URL and id, with expiry only when there is one", () => {
    const url = new URL(
      linkedInAddUrl({
        name: "Certified CSM Professional",
        organizationName: "Pulse Academy",
        issuedAt: new Date("2026-03-01T00:00:00Z"),
        expiresAt: new Date("2027-03-01T00:00:00Z"),
        certUrl: "https://p/evidence/abc",
        certId: "abc",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: "Certified CSM Professional",
      organizationName: "Pulse Academy",
      issueYear: "2026",
      issueMonth: "3",
      expirationYear: "2027",
      expirationMonth: "3",
      certUrl: "https://p/evidence/abc",
      certId: "abc",
    });
    expect(url.search).toContain("organizationName=Pulse%20Academy");
    const noExpiry = linkedInAddUrl({
      name: "x",
      organizationName: "Pulse Academy",
      issuedAt: new Date(),
      expiresAt: null,
      certUrl: "u",
      certId: "i",
    });
    expect(noExpiry).not.toContain("expiration");
  });
});

describe("evidence page HTML", () => {
  it("injects escaped Open Graph tags into index.html", () => {
    const html = evidenceHtml("<html><head><title>Pulse</title></head><body></body></html>", {
      title: 'Level 1 <script>"x"</script>',
      description: "Ada & co",
      url: "https://p/evidence/1",
      siteName: "Pulse Academy",
    });
    expect(html).toContain('<meta property="og:title" content="Level 1 &lt;script&gt;&quot;x&quot;&lt;/script&gt;" />');
    expect(html).toContain('<meta property="og:description" content="Ada &amp; co" />');
    expect(html).toContain('<meta property="og:url" content="https://p/evidence/1" />');
    expect(html).toContain("<title>Level 1 &lt;script&gt;");
    expect(html).not.toContain("<script>");
  });
});

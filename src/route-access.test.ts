import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization, buildUser } from "../test-support/factories.js";
import { buildTestApp, type TestApp } from "../test-support/test-app.js";
import { ensurePlatformAdmin, openSession } from "./features/accounts/identity/service.js";
import type { Access } from "./kernel/auth.js";

/**
 * Who may call every route of the app. A new route must join this table: a route missing here, or an
 * entry whose route is gone, fails the first test; the second calls every route as every persona.
 */
const EXPECTED: Record<string, Access> = {
  "GET /api/health": "public",
  "GET /api/openapi.json": "public",
  "POST /api/auth/signup": "public",
  "POST /api/auth/confirm-email": "public",
  "POST /api/auth/resend-confirmation": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "public",
  "GET /api/auth/session": "public",
  "POST /api/auth/password-reset": "public",
  "POST /api/auth/password-reset/confirm": "public",
  "GET /api/me": "user",
  "PATCH /api/me": "user",
  "POST /api/me/password": "user",
  "GET /api/me/sessions": "user",
  "DELETE /api/me/sessions/:sessionId": "user",
  "POST /api/me/active-organization": "user",
  "POST /api/organizations": "user",
  "GET /api/organizations/:orgId": "org:member",
  "PATCH /api/organizations/:orgId": "org:admin",
  "GET /api/organizations/:orgId/members": "org:member",
  "PATCH /api/organizations/:orgId/members/:userId": "org:admin",
  "DELETE /api/organizations/:orgId/members/:userId": "org:member",
  "PUT /api/organizations/:orgId/members/:userId/manager": "org:admin",
  "GET /api/organizations/:orgId/invitations": "org:admin",
  "POST /api/organizations/:orgId/invitations": "org:admin",
  "DELETE /api/organizations/:orgId/invitations/:invitationId": "org:admin",
  "GET /api/invitations/:token": "public",
  "POST /api/invitations/accept": "user",
  "GET /api/admin/outbox": "platform_admin",
  // academy: credentials (verification, evidence pages, holders' downloads, admin revocation and reinstatement)
  "GET /api/credentials/issuer": "public",
  "GET /api/credentials/status-lists/:list": "public",
  "POST /api/credentials/verify": "public",
  "GET /api/credentials/:credentialId": "public",
  "GET /api/me/credentials": "user",
  "PATCH /api/me/credentials/:credentialId": "user",
  "GET /api/me/credentials/:credentialId/certificate.pdf": "user",
  "GET /api/me/credentials/:credentialId/credential.json": "user",
  "GET /api/admin/credentials": "platform_admin",
  "POST /api/admin/credentials/award": "platform_admin",
  "POST /api/admin/credentials/:credentialId/revoke": "platform_admin",
  "POST /api/admin/credentials/:credentialId/reinstate": "platform_admin",
  // academy: module tests and exams
  "GET /api/academy/assessments": "user",
  "GET /api/academy/assessments/:assessmentId": "user",
  "POST /api/academy/assessments/:assessmentId/attempts": "user",
  "GET /api/academy/assessments/:assessmentId/retake.ics": "user",
  "GET /api/academy/attempts/:attemptId": "user",
  "PUT /api/academy/attempts/:attemptId/answers": "user",
  "POST /api/academy/attempts/:attemptId/submit": "user",
  "GET /api/admin/academy/assessment-pools": "platform_admin",
  // academy: lesson player, statements and the learner's own progress
  "GET /api/academy/lessons/:lessonId": "user",
  "POST /api/academy/statements": "user",
  "GET /api/academy/progress/modules/:moduleId": "user",
  "GET /api/academy/progress/levels/:levelId": "user",
  "GET /api/academy/progress/programs/:programId": "user",
  "GET /api/academy/progress/continue": "user",
  // academy: catalog, plans, admin editing and export, team progress
  "GET /api/academy/catalog": "user",
  "GET /api/academy/programs/:programKey": "user",
  "GET /api/academy/modules/:moduleKey": "user",
  "GET /api/academy/me/plans": "user",
  "GET /api/admin/academy/learners": "platform_admin",
  "POST /api/admin/academy/memberships": "platform_admin",
  "DELETE /api/admin/academy/memberships/:membershipId": "platform_admin",
  "GET /api/admin/academy/programs": "platform_admin",
  "PATCH /api/admin/academy/programs/:id": "platform_admin",
  "PATCH /api/admin/academy/levels/:id": "platform_admin",
  "PATCH /api/admin/academy/modules/:id": "platform_admin",
  "GET /api/admin/academy/programs/:id/export.yaml": "platform_admin",
  "GET /api/admin/academy/modules/:id": "platform_admin",
  "PATCH /api/admin/academy/lessons/:id": "platform_admin",
  "PATCH /api/admin/academy/items/:id": "platform_admin",
  "GET /api/admin/academy/modules/:id/questions": "platform_admin",
  "POST /api/admin/academy/modules/:id/questions": "platform_admin",
  "PUT /api/admin/academy/questions/:id": "platform_admin",
  "POST /api/admin/academy/questions/:id/archive": "platform_admin",
  "POST /api/admin/academy/questions/:id/unarchive": "platform_admin",
  // academy: CPD (dashboard, exports, self-certification, audits)
  "GET /api/academy/cpd/dashboard": "user",
  "GET /api/academy/cpd/record.csv": "user",
  "GET /api/academy/cpd/transcript.pdf": "user",
  "POST /api/academy/cpd/self-certifications": "user",
  "GET /api/academy/cpd/self-certifications": "user",
  "POST /api/academy/cpd/audit-requests/:auditRequestId/response": "user",
  "POST /api/admin/academy/cpd/audit-samples": "platform_admin",
  "GET /api/admin/academy/cpd/audit-samples": "platform_admin",
  "GET /api/admin/academy/cpd/audit-requests": "platform_admin",
  "POST /api/admin/academy/cpd/audit-requests/:auditRequestId/decision": "platform_admin",
  "GET /api/admin/academy/cpd/evidence/:evidenceId": "platform_admin",
  "GET /api/academy/cpd/events": "user",
  "POST /api/academy/cpd/events/:eventId/registration": "user",
  "DELETE /api/academy/cpd/events/:eventId/registration": "user",
  "GET /api/academy/cpd/events/:eventId/event.ics": "user",
  "POST /api/admin/academy/cpd/events": "platform_admin",
  "PATCH /api/admin/academy/cpd/events/:eventId": "platform_admin",
  "POST /api/admin/academy/cpd/events/:eventId/cancellation": "platform_admin",
  "POST /api/admin/academy/cpd/events/:eventId/attendance": "platform_admin",
  "POST /api/academy/cpd/suggestions": "user",
  "GET /api/academy/cpd/suggestions": "user",
  "GET /api/academy/cpd/suggestions/mine": "user",
  "POST /api/academy/cpd/suggestions/:suggestionId/vote": "user",
  "DELETE /api/academy/cpd/suggestions/:suggestionId/vote": "user",
  "GET /api/admin/academy/cpd/suggestions": "platform_admin",
  "PATCH /api/admin/academy/cpd/suggestions/:suggestionId": "platform_admin",
  // academy: CPD paths and library (Level 5; the plan is checked by the service, 403 when locked)
  "GET /api/academy/cpd/paths": "user",
  "GET /api/academy/cpd/paths/:pathId": "user",
  "POST /api/academy/cpd/paths/:pathId/enrolment": "user",
  "GET /api/academy/cpd/library": "user",
  "GET /api/academy/cpd/library/:itemId": "user",
  "POST /api/academy/cpd/library/:itemId/open": "user",
  "POST /api/academy/cpd/library/:itemId/completion": "user",
  "GET /api/organizations/:orgId/academy/team-progress": "org:manager",
  "GET /api/organizations/:orgId/academy/team-progress.csv": "org:manager",
  "GET /api/organizations/:orgId/academy/my-progress": "org:member",
  // health: clients
  "GET /api/organizations/:orgId/clients": "org:member",
  "POST /api/organizations/:orgId/clients": "org:member",
  "GET /api/organizations/:orgId/clients/:clientId": "org:member",
  "PATCH /api/organizations/:orgId/clients/:clientId": "org:member",
  "POST /api/organizations/:orgId/clients/:clientId/archive": "org:manager",
  "POST /api/organizations/:orgId/clients/:clientId/unarchive": "org:manager",
  "GET /api/organizations/:orgId/clients/:clientId/history": "org:member",
  // health: pulses, reason codes, SuccessScore
  "GET /api/organizations/:orgId/reason-codes": "org:member",
  "POST /api/organizations/:orgId/reason-codes": "org:admin",
  "PATCH /api/organizations/:orgId/reason-codes/:reasonCodeId": "org:admin",
  "DELETE /api/organizations/:orgId/reason-codes/:reasonCodeId": "org:admin",
  "GET /api/organizations/:orgId/clients/:clientId/pulses": "org:member",
  "POST /api/organizations/:orgId/clients/:clientId/pulses": "org:member",
  "GET /api/organizations/:orgId/clients/:clientId/success-score": "org:member",
  "GET /api/organizations/:orgId/clients/:clientId/success-score/compare": "org:member",
  "GET /api/organizations/:orgId/success-score/formula": "org:member",
  "PUT /api/organizations/:orgId/success-score/formula": "org:admin",
  // health: reports
  "GET /api/organizations/:orgId/reports/pulse-health": "org:member",
  "GET /api/organizations/:orgId/reports/pulse-reasons": "org:member",
  "GET /api/organizations/:orgId/reports/facets": "org:member",
  "GET /api/organizations/:orgId/home": "org:member",
  // health: alerts, inbox, notification preferences, alert settings
  "GET /api/organizations/:orgId/alerts": "org:manager",
  "POST /api/organizations/:orgId/alerts/:alertId/claim": "org:member",
  "GET /api/organizations/:orgId/notifications": "org:member",
  "POST /api/organizations/:orgId/notifications/read-all": "org:member",
  "POST /api/organizations/:orgId/notifications/:notificationId/read": "org:member",
  "GET /api/organizations/:orgId/notification-preferences": "org:member",
  "PUT /api/organizations/:orgId/notification-preferences": "org:member",
  "GET /api/organizations/:orgId/health-settings": "org:member",
  "PUT /api/organizations/:orgId/health-settings": "org:admin",
  // health: segments, client export and import
  "POST /api/organizations/:orgId/segments/preview": "org:member",
  "GET /api/organizations/:orgId/segments": "org:member",
  "POST /api/organizations/:orgId/segments": "org:member",
  "GET /api/organizations/:orgId/segments/:segmentId": "org:member",
  "PATCH /api/organizations/:orgId/segments/:segmentId": "org:member",
  "DELETE /api/organizations/:orgId/segments/:segmentId": "org:member",
  "GET /api/organizations/:orgId/segments/:segmentId/clients": "org:member",
  "GET /api/organizations/:orgId/segments/:segmentId/export.csv": "org:member",
  "GET /api/organizations/:orgId/segments/:segmentId/export.xlsx": "org:member",
  "GET /api/organizations/:orgId/clients/export.csv": "org:member",
  "GET /api/organizations/:orgId/clients/export.xlsx": "org:member",
  "POST /api/organizations/:orgId/clients/import": "org:member",
  "POST /api/organizations/:orgId/usage-figures/import": "org:member",
  "GET /api/organizations/:orgId/imports/:importId": "org:member",
  // billing (issue 11): plans, the caller's subscription, test-mode checkout, staff prices
  "GET /api/billing/plans": "public",
  "GET /api/me/subscription": "user",
  "POST /api/me/subscription/checkout": "user",
  "POST /api/me/subscription/cancel": "user",
  "POST /api/me/subscription/resume": "user",
  "GET /api/me/invoices/:invoiceId/pdf": "user",
  "GET /api/billing/test-checkout/:checkoutId": "user",
  "POST /api/billing/test-checkout/:checkoutId/complete": "user",
  "PUT /api/admin/billing/plans/:planId/price": "platform_admin",
  "POST /api/admin/billing/renewals/run": "platform_admin",
  // team licenses (issue 11): quotes, PO invoices, pools and seats of an organization; staff payments
  "POST /api/organizations/:orgId/licenses/quotes": "org:admin",
  "POST /api/organizations/:orgId/licenses/quotes/:quoteId/accept": "org:admin",
  "GET /api/organizations/:orgId/licenses": "org:admin",
  "GET /api/organizations/:orgId/licenses/invoices/:licenseInvoiceId/pdf": "org:admin",
  "GET /api/organizations/:orgId/licenses/:poolId/seats": "org:admin",
  "POST /api/organizations/:orgId/licenses/:poolId/seats": "org:admin",
  "DELETE /api/organizations/:orgId/licenses/:poolId/seats/:seatId": "org:admin",
  "GET /api/admin/billing/licenses": "platform_admin",
  "GET /api/admin/billing/license-invoices/:licenseInvoiceId/pdf": "platform_admin",
  "POST /api/admin/billing/license-invoices/:licenseInvoiceId/payments": "platform_admin",
  "POST /api/billing/webhooks/stripe": "public",
};

type Persona = "anonymous" | "member" | "manager" | "admin" | "owner" | "platformAdmin" | "otherOrgOwner";
const PERSONAS: Persona[] = ["anonymous", "member", "manager", "admin", "owner", "platformAdmin", "otherOrgOwner"];
const ORG_RANK = { member: 1, manager: 2, admin: 3, owner: 4 } as const;

/** The status a denied call must get, or null when the persona is allowed. */
function expectedDenial(access: Access, persona: Persona): number | null {
  if (access === "public") return null;
  if (persona === "anonymous") return 401;
  if (access === "user") return null;
  if (access === "platform_admin") return persona === "platformAdmin" ? null : 403;
  if (persona === "platformAdmin" || persona === "otherOrgOwner") return 404; // not a member: the org "does not exist"
  const needed = access.slice(4) as keyof typeof ORG_RANK;
  return ORG_RANK[persona] >= ORG_RANK[needed] ? null : 403;
}

describe("authorization table", () => {
  let t: TestApp;
  let orgId: string;
  const users = new Map<Persona, string>();

  beforeAll(async () => {
    t = await buildTestApp();
    const org = await buildOrganization(t.ctx, "Table Org");
    orgId = org.orgId;
    users.set("owner", org.owner.userId);
    for (const role of ["member", "manager", "admin"] as const)
      users.set(role, (await buildMember(t.ctx, orgId, role)).userId);
    users.set("otherOrgOwner", (await buildOrganization(t.ctx, "Other Org")).owner.userId);
    const staff = await buildUser(t.ctx, { email: "table-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
    users.set("platformAdmin", staff.userId);
  });
  afterAll(async () => t?.close());

  it("lists every route with the access it declares", () => {
    const actual = Object.fromEntries(t.app.accessTable.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(actual).toEqual(EXPECTED);
  });

  it("lets exactly the right people call each route", async () => {
    const failures: string[] = [];
    for (const route of t.app.accessTable) {
      const url = route.url
        .replace(":orgId", orgId)
        .replace(/:(userId|invitationId|clientId|reasonCodeId|segmentId|alertId|notificationId)/, randomUUID())
        .replace(":sessionId", "0000000000000000")
        .replace(":token", "x".repeat(43));
      for (const persona of PERSONAS) {
        const userId = users.get(persona);
        // A fresh session per call, so a route that signs out cannot spoil the next call.
        const cookie = userId
          ? `pulse_session=${(await openSession(t.ctx, userId, { ip: null, userAgent: null })).token}`
          : undefined;
        const res = await t.app.inject({
          method: route.method as "GET",
          url,
          headers: cookie ? { cookie } : {},
          // An empty body: allowed callers get past the guard and stop at validation, so nothing changes.
          payload: route.method === "GET" || route.method === "DELETE" ? undefined : {},
        });
        const denial = expectedDenial(route.access, persona);
        const ok =
          denial === null
            ? res.statusCode !== 401 &&
              res.statusCode !== 403 &&
              !(res.statusCode === 404 && res.json().error?.message === "Organization was not found.")
            : res.statusCode === denial;
        if (!ok)
          failures.push(
            `${route.method} ${route.url} as ${persona}: got ${res.statusCode}, expected ${denial ?? "allowed"}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});

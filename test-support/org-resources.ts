import { randomBytes } from "node:crypto";
import { buildAssessmentCatalog, grantPlan } from "../src/features/academy/assessments/testing/catalog-fixture.js";
import { ensureCpdCatalog } from "../src/features/academy/cpd/testing/cpd-fixture.js";
import { issueForCompletion } from "../src/features/academy/credentials/service.js";
import { buildCredentialCatalog } from "../src/features/academy/credentials/testing/credential-fixture.js";
import { openSession } from "../src/features/accounts/identity/service.js";
import { grantStaffAccess } from "../src/features/billing/service.js";
import { buildMember, buildOrganization, buildPlatformAdmin, buildUser } from "./factories.js";
import type { TestApp } from "./test-app.js";
import type { ValueHints } from "./valid-values.js";

/**
 * Who owns what an id names, by route PARAMETER NAME. `src/cross-tenant.test.ts` walks every route of the
 * app; for each id parameter it asks this registry to create the resource in organization A (or for a user
 * of A), then calls the route as the owner of organization B and wants 404 and no change. A route whose id
 * parameter is missing here fails that test: add a factory below.
 */
export type Person = { userId: string; email: string; cookie: string };
export type Tenant = { orgId: string; owner: Person; member: Person };
export type World = {
  t: TestApp;
  a: Tenant;
  b: Tenant;
  /** A platform admin: calls platform_admin routes as the resource's rightful user. */
  staff: Person;
  once: <T>(key: string, make: () => Promise<T>) => Promise<T>;
};

/**
 * A created resource: the route parameters it fills (a nested resource fills its parents' too), the
 * person it belongs to (who must be able to call the route; default A's owner), and body/query values
 * that only make sense with it (by field name).
 */
export type Made = { params: Record<string, string>; owner?: Person; values?: ValueHints };

export type Resource =
  | {
      /** organization: rows with an org_id of A; user: rows of one user (callable from no organization). */
      scope: "organization" | "user";
      make: (w: World) => Promise<Made>;
      /** Why a public route may take this id (anyone may call it); without it a public route fails the test. */
      publicBecause?: string;
    }
  /** Not tenant data: the same for every organization, or a secret that is itself the permission. */
  | { scope: "shared"; because: string };

const hex = () => randomBytes(4).toString("hex");

async function call(w: World, who: Person, method: string, url: string, payload?: unknown, type?: string) {
  const res = await w.t.app.inject({
    method: method as "POST",
    url,
    payload: payload as never,
    headers: { cookie: who.cookie, ...(type ? { "content-type": type } : {}) },
  });
  if (res.statusCode >= 300) throw new Error(`factory call ${method} ${url} answered ${res.statusCode}: ${res.body}`);
  return res.json();
}
const inA = (w: World, path: string) => `/api/organizations/${w.a.orgId}${path}`;

async function makeClient(w: World): Promise<string> {
  const body = { name: `A client ${hex()}`, assignedCsmId: w.a.member.userId };
  return (await call(w, w.a.member, "POST", inA(w, "/clients"), body)).id;
}

async function makePulse(w: World, level = "satisfied") {
  const clientId = await makeClient(w);
  const entry = await call(w, w.a.member, "POST", inA(w, `/clients/${clientId}/pulses`), { level });
  return { clientId, entryId: entry.id as string };
}

async function makeQuote(w: World): Promise<{ id: string }> {
  const { plans } = (await w.t.app.inject({ method: "GET", url: "/api/billing/plans" })).json();
  return call(w, w.a.owner, "POST", inA(w, "/licenses/quotes"), { planId: plans[0].id, seats: 3 });
}

async function makeLicenseInvoice(w: World): Promise<string> {
  const quote = await makeQuote(w);
  return (await call(w, w.a.owner, "POST", inA(w, `/licenses/quotes/${quote.id}/accept`), { poNumber: "PO-1" }))
    .invoiceId;
}

async function makePool(w: World): Promise<string> {
  const invoiceId = await makeLicenseInvoice(w);
  return (await call(w, w.staff, "POST", `/api/admin/billing/license-invoices/${invoiceId}/payments`, {})).poolId;
}

/** A severe pulse set by A's CSM raises an alert and puts it in the inbox of A's owner. */
async function makeAlert(w: World) {
  const { clientId } = await makePulse(w, "severe_risk");
  await w.t.ctx.jobs.drain();
  const { alerts } = await call(w, w.a.owner, "GET", inA(w, "/alerts?status=all"));
  const alert = alerts.find((x: { clientId: string }) => x.clientId === clientId);
  if (!alert) throw new Error("the severe pulse raised no alert");
  return { clientId, alertId: alert.id as string };
}

/** A learner of their own (no organization needed) with a plan that opens the assessment catalog. */
async function makeLearner(w: World) {
  const catalog = await w.once("assessments", () => buildAssessmentCatalog(w.t.ctx.database.db));
  const learner = await buildUser(w.t.ctx);
  await grantPlan(w.t.ctx.database.db, learner.userId, "scholar", new Date(w.t.ctx.clock.now().getTime() - 3_600_000));
  return { learner, catalog };
}

/** A CPD learner's self-certification (with a PDF as evidence), for audits and evidence. */
async function makeSelfCertification(w: World) {
  await w.once("cpd", () => ensureCpdCatalog(w.t.ctx.database.db));
  const learner = await buildUser(w.t.ctx);
  await grantPlan(w.t.ctx.database.db, learner.userId, "cpd", new Date(w.t.ctx.clock.now().getTime() - 3_600_000));
  const completedOn = w.t.ctx.clock.now().toISOString().slice(0, 10);
  const cert = await call(w, learner, "POST", "/api/academy/cpd/self-certifications", {
    contentType: "book",
    title: `Book ${hex()}`,
    provider: "Publisher",
    hours: 1,
    minutes: 0,
    completedOn,
    consent: true,
    evidence: {
      fileName: "r.pdf",
      mediaType: "application/pdf",
      contentBase64: Buffer.from("%PDF-1.4").toString("base64"),
    },
  });
  return { learner, cert, completedOn };
}

const CATALOG =
  "Academy catalog content (programs, levels, modules, lessons, assessments): the same for every organization; plans gate it, and the data it returns is the caller's own";

export const RESOURCES: Record<string, Resource> = {
  // ---- organization data
  clientId: { scope: "organization", make: async (w) => ({ params: { clientId: await makeClient(w) } }) },
  entryId: { scope: "organization", make: async (w) => ({ params: await makePulse(w) }) },
  reasonCodeId: {
    scope: "organization",
    make: async (w) => {
      const body = { code: `probe_${hex()}`, label: "Probe", category: "Probe", kind: "risk" };
      return { params: { reasonCodeId: (await call(w, w.a.owner, "POST", inA(w, "/reason-codes"), body)).id } };
    },
  },
  segmentId: {
    scope: "organization",
    make: async (w) => {
      const body = { name: `A segment ${hex()}`, filter: {} };
      return { params: { segmentId: (await call(w, w.a.owner, "POST", inA(w, "/segments"), body)).id } };
    },
  },
  invitationId: {
    scope: "organization",
    make: async (w) => {
      const body = { email: `invitee-${hex()}@example.test` };
      return { params: { invitationId: (await call(w, w.a.owner, "POST", inA(w, "/invitations"), body)).id } };
    },
  },
  userId: {
    // A member of A, named in A's member routes (role, manager, removal).
    scope: "organization",
    make: async (w) => ({
      params: { userId: (await buildMember(w.t.ctx, w.a.orgId, "member")).userId },
      // Real changes, so a leaking write would show in the snapshot too.
      values: { role: "manager", managerUserId: w.a.owner.userId },
    }),
  },
  importId: {
    // More than 1,000 rows make an import job; a dry run writes no clients.
    scope: "organization",
    make: async (w) => {
      const csv = ["External ID,Company", ...Array.from({ length: 1001 }, (_, i) => `X-${i},Imported ${i}`)].join("\n");
      const job = await call(w, w.a.member, "POST", inA(w, "/clients/import?dryRun=true"), csv, "text/csv");
      return { params: { importId: job.id } };
    },
  },
  alertId: { scope: "organization", make: async (w) => ({ params: await makeAlert(w) }) },
  notificationId: {
    scope: "organization",
    make: async (w) => {
      const { alertId } = await makeAlert(w);
      const { notifications } = await call(w, w.a.owner, "GET", inA(w, "/notifications"));
      const note = notifications.find((n: { alertId: string | null }) => n.alertId === alertId);
      if (!note) throw new Error("A's owner got no notification of the alert");
      return { params: { notificationId: note.id } };
    },
  },

  // ---- one user's data (no organization in the path; the route must look it up by the caller)
  sessionId: {
    scope: "user",
    make: async (w) => {
      const user = await buildUser(w.t.ctx);
      await openSession(w.t.ctx, user.userId, { ip: null, userAgent: "second device" });
      const { sessions } = await call(w, user, "GET", "/api/me/sessions");
      const other = sessions.find((s: { current: boolean }) => !s.current);
      return { params: { sessionId: other.id }, owner: user };
    },
  },
  attemptId: {
    scope: "user",
    make: async (w) => {
      const { learner, catalog } = await makeLearner(w);
      const assessmentId = catalog.moduleTest.id;
      const attempt = await call(w, learner, "POST", `/api/academy/assessments/${assessmentId}/attempts`);
      return { params: { attemptId: attempt.id, assessmentId }, owner: learner };
    },
  },
  auditRequestId: {
    // A CPD audit request to one learner: only that learner answers it; only staff decide it.
    scope: "user",
    make: async (w) => {
      const { learner, cert, completedOn } = await makeSelfCertification(w);
      const sample = await call(w, w.staff, "POST", "/api/admin/academy/cpd/audit-samples", {
        from: completedOn,
        to: completedOn,
        ratePercent: 100,
      });
      const request = sample.requests.find(
        (r: { selfCertification: { id: string } }) => r.selfCertification.id === cert.id,
      );
      if (!request) throw new Error("the self-certification was not sampled");
      return {
        params: { auditRequestId: request.id },
        owner: learner,
        values: {
          reason: "Checked by staff",
          decision: "accept",
          evidence: {
            fileName: "r.pdf",
            mediaType: "application/pdf",
            contentBase64: Buffer.from("%PDF-1.4").toString("base64"),
          },
        },
      };
    },
  },
  evidenceId: {
    // A self-certification's evidence file: only platform staff (auditors) download it.
    scope: "user",
    make: async (w) => {
      const { cert } = await makeSelfCertification(w);
      return { params: { evidenceId: cert.evidence[0].id }, owner: w.staff };
    },
  },
  credentialId: {
    scope: "user",
    publicBecause:
      "a credential's evidence page and verification are public by design (Open Badges), unless its holder hides it",
    make: async (w) => {
      const catalog = await w.once("credentials", () => buildCredentialCatalog(w.t.ctx.database.db));
      const holder = await buildUser(w.t.ctx);
      const row = await issueForCompletion(w.t.ctx, {
        userId: holder.userId,
        object: "level",
        objectId: catalog.level1.id,
        completedAt: w.t.ctx.clock.now(),
      });
      if (!row) throw new Error("no credential issued");
      return { params: { credentialId: row.id }, owner: holder, values: { reason: "Checked by staff" } };
    },
  },
  membershipId: {
    // An Academy plan of one user (a staff grant entitlement); only platform admins manage plans.
    scope: "user",
    make: async (w) => {
      const user = await buildUser(w.t.ctx);
      const grant = await grantStaffAccess(w.t.ctx.database.db, {
        userId: user.userId,
        accessKey: "scholar",
        grantedBy: null,
        now: w.t.ctx.clock.now(),
        endsAt: null,
      });
      return { params: { membershipId: grant.id }, owner: user };
    },
  },
  checkoutId: {
    // A test-mode checkout of one user (billing): only that user may see or complete it.
    scope: "user",
    make: async (w) => {
      const buyer = await buildUser(w.t.ctx);
      const { plans } = (await w.t.app.inject({ method: "GET", url: "/api/billing/plans" })).json();
      const { url } = await call(w, buyer, "POST", "/api/me/subscription/checkout", { planId: plans[0].id });
      return { params: { checkoutId: String(url).split("/").pop() as string }, owner: buyer };
    },
  },
  invoiceId: {
    // A receipt of one user's subscription (billing).
    scope: "user",
    make: async (w) => {
      const buyer = await buildUser(w.t.ctx);
      const { plans } = (await w.t.app.inject({ method: "GET", url: "/api/billing/plans" })).json();
      const { url } = await call(w, buyer, "POST", "/api/me/subscription/checkout", { planId: plans[0].id });
      await call(w, buyer, "POST", `/api/billing/test-checkout/${String(url).split("/").pop()}/complete`, {});
      const { invoices } = await call(w, buyer, "GET", "/api/me/subscription");
      return { params: { invoiceId: invoices[0].id }, owner: buyer };
    },
  },

  // ---- team licenses (billing): a quote, its PO invoice, the pool its payment opened, a seat of it
  quoteId: {
    scope: "organization",
    make: async (w) => ({ params: { quoteId: (await makeQuote(w)).id }, values: { poNumber: "PO-1" } }),
  },
  licenseInvoiceId: {
    scope: "organization",
    make: async (w) => ({ params: { licenseInvoiceId: await makeLicenseInvoice(w) } }),
  },
  poolId: {
    scope: "organization",
    make: async (w) => ({ params: { poolId: await makePool(w) }, values: { userId: w.a.member.userId } }),
  },
  seatId: {
    scope: "organization",
    make: async (w) => {
      const poolId = await makePool(w);
      const { seats } = await call(w, w.a.owner, "POST", inA(w, `/licenses/${poolId}/seats`), {
        email: `seat-${hex()}@example.test`,
      });
      return { params: { poolId, seatId: seats[0].id } };
    },
  },

  // ---- not tenant data
  planId: { scope: "shared", because: "billing plans are one catalog for everyone; only staff edit prices" },
  assessmentId: { scope: "shared", because: CATALOG },
  lessonId: { scope: "shared", because: CATALOG },
  moduleId: { scope: "shared", because: CATALOG },
  levelId: { scope: "shared", because: CATALOG },
  programId: { scope: "shared", because: CATALOG },
  programKey: { scope: "shared", because: CATALOG },
  pathId: { scope: "shared", because: "CPD paths are one catalog for every learner" },
  itemId: { scope: "shared", because: "CPD library items are one catalog for every learner" },
  eventId: { scope: "shared", because: "CPD live events are one calendar for every learner; only staff change them" },
  suggestionId: {
    scope: "shared",
    because:
      "a CPD topic suggestion is shown to every CPD learner to support (the vote is the caller's own); only staff change its status",
  },
  moduleKey: { scope: "shared", because: CATALOG },
  id: { scope: "shared", because: `${CATALOG} (edited by platform staff only)` },
  token: { scope: "shared", because: "an invitation token is a 256-bit secret: knowing it is the permission" },
  list: { scope: "shared", because: "credential status lists are public by the Bitstring Status List spec" },
};

/** Values some routes need whatever the resource: a formula version that always exists. */
export const VALUE_HINTS: ValueHints = { versions: "1" };

/** Organizations A and B (an owner and a member each), a platform admin, and a cache for shared fixtures. */
export async function buildWorld(t: TestApp): Promise<World> {
  const tenant = async (name: string): Promise<Tenant> => {
    const org = await buildOrganization(t.ctx, name);
    return { orgId: org.orgId, owner: org.owner, member: await buildMember(t.ctx, org.orgId, "member") };
  };
  const cache = new Map<string, Promise<unknown>>();
  return {
    t,
    a: await tenant("Tenant A"),
    b: await tenant("Tenant B"),
    staff: await buildPlatformAdmin(t.ctx),
    once: <T>(key: string, make: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as Promise<T>;
    },
  };
}

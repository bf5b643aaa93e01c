import { AppError, forbidden, notFound } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import { roleAtLeast } from "../../../kernel/roles.js";
import type { AppContext } from "../../../platform/context.js";
import { listMembers } from "../../accounts/organizations/service.js";
import { levelOfRank } from "../pulses/pulse-levels.js";
import { getHealthSettings } from "../settings/store.js";
import {
  CreateSegmentBody as CreateSchema,
  type CreateSegmentBody,
  type PreviewBody,
  PreviewBody as PreviewSchema,
  type Segment,
  SegmentFilter,
  type SegmentList,
  type SegmentResult,
  type SegmentSort,
  UpdateSegmentBody as UpdateSchema,
  type UpdateSegmentBody,
} from "./contract.js";
import { type ResolvedSegmentFilter, resolveSegmentFilter } from "./segment-filter.js";
import * as store from "./store.js";

/** Rows per export query: large enough that round trips are few, small enough for flat memory. */
const EXPORT_BATCH = 2500;
type Page = { sort: SegmentSort; limit: number; offset: number };

/** Resolves a filter against today and the organization's fiscal year. */
async function resolve(ctx: AppContext, orgId: string, filter: SegmentFilter) {
  const settings = await getHealthSettings(ctx.database.db, orgId);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return { resolved: resolveSegmentFilter(filter, today, settings.fiscalStartMonth), currency: settings.currency };
}

const presentClient = (r: store.SegmentClientRow) => ({
  id: r.id,
  externalId: r.external_id,
  name: r.name,
  clientType: r.client_type,
  status: r.status as SegmentResult["clients"][number]["status"],
  assignedCsmId: r.assigned_csm_id,
  assignedCsmName: r.csm_name,
  arrMinor: r.arr_minor,
  mrrMinor: r.mrr_minor,
  acvMinor: r.acv_minor,
  currency: r.currency,
  nextRenewalDate: r.next_renewal_date,
  clientSince: r.client_since,
  tags: r.tags,
  level: r.rank ? levelOfRank(r.rank) : null,
  pulseSetAt: r.pulse_at,
  successScore: r.score,
  usageChangePercent: r.usage === null ? null : Math.round((r.usage - 50) * 2),
  archived: r.archived,
});

async function result(ctx: AppContext, orgId: string, filter: SegmentFilter, page: Page): Promise<SegmentResult> {
  const { db } = ctx.database;
  const { resolved, currency } = await resolve(ctx, orgId, filter);
  const groups = await store.segmentTotals(db, orgId, resolved);
  const own = groups.find((g) => g.currency === currency);
  const clients = await store.segmentPage(db, orgId, resolved, page);
  return {
    count: groups.reduce((n, g) => n + g.count, 0),
    totals: { currency, arrMinor: own?.arr ?? 0, mrrMinor: own?.mrr ?? 0, acvMinor: own?.acv ?? 0 },
    byCurrency: groups.map((g) => ({
      currency: g.currency,
      count: g.count,
      arrMinor: g.arr,
      mrrMinor: g.mrr,
      acvMinor: g.acv,
    })),
    resolved: {
      renewalFrom: resolved.renewalFrom ?? null,
      renewalToExclusive: resolved.renewalToExclusive ?? null,
      pulseSetBefore: resolved.pulseSetBefore ?? null,
    },
    clients: clients.map(presentClient),
  };
}

/** Count, money totals and a page of the clients a filter keeps, without saving anything. */
export async function previewSegment(ctx: AppContext, orgId: string, input: PreviewBody): Promise<SegmentResult> {
  const { filter, ...page } = PreviewSchema.parse(input);
  return result(ctx, orgId, filter, page);
}

const canEdit = (row: store.SegmentRow, actor: Actor, orgId: string) =>
  row.ownerId === actor.userId || (row.shared && roleAtLeast(actor.memberships.get(orgId) ?? "member", "admin"));

/** Owner names by user id; a segment whose owner left the organization still shows. */
async function ownerNames(ctx: AppContext, orgId: string) {
  const { members } = await listMembers(ctx, orgId);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return (userId: string) => names.get(userId) ?? "Former member";
}

/**
 * The saved filter. One that no longer parses (saved under an older contract) is refused rather than
 * read as the empty filter, which would mean every client; listing shows it empty so it can be fixed.
 */
function filterOf(row: store.SegmentRow, strict = true): SegmentFilter {
  const parsed = SegmentFilter.safeParse(row.filter);
  if (parsed.success) return parsed.data;
  if (!strict) return {};
  throw new AppError("rule_broken", `The filter of "${row.name}" can no longer be read; edit and save it again.`);
}

function present(row: store.SegmentRow, ownerName: string, actor: Actor, orgId: string): Segment {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    filter: filterOf(row, false),
    ownerId: row.ownerId,
    ownerName,
    mine: row.ownerId === actor.userId,
    canEdit: canEdit(row, actor, orgId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A segment the actor may see (their own or a shared one); others' private segments do not exist for them. */
async function visible(ctx: AppContext, actor: Actor, orgId: string, segmentId: string) {
  const row = await store.findSegment(ctx.database.db, orgId, segmentId);
  if (!row || (!row.shared && row.ownerId !== actor.userId)) throw notFound("Segment");
  return row;
}

async function editable(ctx: AppContext, actor: Actor, orgId: string, segmentId: string) {
  const row = await visible(ctx, actor, orgId, segmentId);
  if (!canEdit(row, actor, orgId)) throw forbidden("Only its owner or an admin may change a shared segment.");
  return row;
}

export async function listSegments(ctx: AppContext, actor: Actor, orgId: string): Promise<SegmentList> {
  const rows = await store.listVisibleSegments(ctx.database.db, orgId, actor.userId);
  const nameOf = await ownerNames(ctx, orgId);
  return { segments: rows.map((r) => present(r, nameOf(r.ownerId), actor, orgId)) };
}

export async function getSegment(ctx: AppContext, actor: Actor, orgId: string, segmentId: string) {
  const row = await visible(ctx, actor, orgId, segmentId);
  return present(row, (await ownerNames(ctx, orgId))(row.ownerId), actor, orgId);
}

export async function createSegment(ctx: AppContext, actor: Actor, orgId: string, input: CreateSegmentBody) {
  const body = CreateSchema.parse(input);
  const now = ctx.clock.now();
  const id = await store.insertSegment(ctx.database.db, {
    orgId,
    ownerId: actor.userId,
    name: body.name,
    shared: body.shared,
    filter: body.filter,
    createdAt: now,
    updatedAt: now,
  });
  return getSegment(ctx, actor, orgId, id);
}

export async function updateSegment(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  segmentId: string,
  input: UpdateSegmentBody,
) {
  const body = UpdateSchema.parse(input);
  await editable(ctx, actor, orgId, segmentId);
  await store.updateSegment(ctx.database.db, orgId, segmentId, { ...body, updatedAt: ctx.clock.now() });
  return getSegment(ctx, actor, orgId, segmentId);
}

export async function deleteSegment(ctx: AppContext, actor: Actor, orgId: string, segmentId: string) {
  await editable(ctx, actor, orgId, segmentId);
  await store.deleteSegment(ctx.database.db, orgId, segmentId);
}

/** The clients of a saved segment, resolved against today. */
export async function segmentClients(ctx: AppContext, actor: Actor, orgId: string, segmentId: string, page: Page) {
  return result(ctx, orgId, filterOf(await visible(ctx, actor, orgId, segmentId)), page);
}

/**
 * The export's rows, batch after batch; the next batch is asked for before this one is handed on, so the
 * database works on it while the caller formats this one (two batches in memory at most).
 */
async function* batches(ctx: AppContext, orgId: string, resolved: ResolvedSegmentFilter) {
  const fetch = (after: { name: string; id: string } | null) => {
    const batch = store.segmentBatchAfter(ctx.database.db, orgId, resolved, after, EXPORT_BATCH);
    // A reader that stops early leaves the prefetch behind: its failure must not go unhandled.
    batch.catch(() => {});
    return batch;
  };
  let next = fetch(null);
  for (;;) {
    const batch = await next;
    const last = batch[batch.length - 1];
    const more = last !== undefined && batch.length === EXPORT_BATCH;
    if (more) next = fetch({ name: last.name, id: last.id });
    yield* batch;
    if (!more) return;
  }
}

/** Every client a filter keeps, in name order, fetched in batches as the consumer reads. */
export async function exportRows(ctx: AppContext, orgId: string, filter: SegmentFilter) {
  const { resolved } = await resolve(ctx, orgId, filter);
  return batches(ctx, orgId, resolved);
}

/** A saved segment's name and its clients for export. */
export async function segmentExport(ctx: AppContext, actor: Actor, orgId: string, segmentId: string) {
  const row = await visible(ctx, actor, orgId, segmentId);
  return { name: row.name, rows: await exportRows(ctx, orgId, filterOf(row)) };
}

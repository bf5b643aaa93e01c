import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  PulseHealthReport,
  PulseReasonsReport,
  ReportClient,
  ReportFacets,
} from "../../../../src/features/health/reports/contract";
import { api, queryString } from "../../../api/http-client";
import type { ReportQuery } from "./report-search";

/** Query-key factory: under ["health", orgId] like the clients' keys, so a change to Pulse data can refresh both. */
export const reportKeys = {
  all: (orgId: string) => ["health", orgId, "reports"] as const,
  facets: (orgId: string) => [...reportKeys.all(orgId), "facets"] as const,
  health: (orgId: string, query: ReportQuery) => [...reportKeys.all(orgId), "pulse-health", query] as const,
  reasons: (orgId: string, query: ReportQuery) => [...reportKeys.all(orgId), "pulse-reasons", query] as const,
};

export type ReportKind = "pulse-health" | "pulse-reasons";

const reportPath = (orgId: string, kind: ReportKind | "facets", query?: ReportQuery) =>
  `/api/organizations/${orgId}/reports/${kind}${query ? queryString(query) : ""}`;

export function useReportFacets(orgId: string) {
  return useQuery({
    queryKey: reportKeys.facets(orgId),
    queryFn: () => api.get<ReportFacets>(reportPath(orgId, "facets")),
    staleTime: 60_000,
  });
}

export function usePulseHealthReport(orgId: string, query: ReportQuery) {
  return useQuery({
    queryKey: reportKeys.health(orgId, query),
    queryFn: () => api.get<PulseHealthReport>(reportPath(orgId, "pulse-health", query)),
    placeholderData: keepPreviousData,
  });
}

export function usePulseReasonsReport(orgId: string, query: ReportQuery) {
  return useQuery({
    queryKey: reportKeys.reasons(orgId, query),
    queryFn: () => api.get<PulseReasonsReport>(reportPath(orgId, "pulse-reasons", query)),
    placeholderData: keepPreviousData,
  });
}

const EXPORT_PAGE = 200; // the API's largest page

/**
 * Every client of a report view, read page by page (the reports have no server export of their own:
 * /clients/export.csv takes segment filters, not "as of", a slice or a reason).
 */
export async function fetchAllReportClients(
  orgId: string,
  kind: ReportKind,
  query: ReportQuery,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<ReportClient[]> {
  const clients: ReportClient[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (clients.length < total) {
    if (signal.aborted) throw new DOMException("Export cancelled", "AbortError");
    const page = await api.get<{ clients: ReportClient[]; clientTotal: number }>(
      reportPath(orgId, kind, { ...query, limit: EXPORT_PAGE, offset: clients.length }),
    );
    total = page.clientTotal;
    clients.push(...page.clients);
    onProgress(clients.length, total);
    if (page.clients.length === 0) break;
  }
  return clients;
}

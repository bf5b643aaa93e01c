import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ReasonCodeList } from "../../../../src/features/health/pulses/contract";
import type { ReportFacets } from "../../../../src/features/health/reports/contract";
import type {
  CreateSegmentBody,
  PreviewBody,
  Segment,
  SegmentList,
  SegmentResult,
  UpdateSegmentBody,
} from "../../../../src/features/health/segments/contract";
import { api } from "../../../api/http-client";
import { filterQueryString } from "./segment-search";

const inline = { meta: { inlineError: true } };
const orgPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}`;
const segmentsPath = (orgId: string) => `${orgPath(orgId)}/segments`;
const segmentPath = (orgId: string, segmentId: string) => `${segmentsPath(orgId)}/${encodeURIComponent(segmentId)}`;

export const segmentKeys = {
  all: (orgId: string) => ["health", orgId, "segments"] as const,
  list: (orgId: string) => [...segmentKeys.all(orgId), "list"] as const,
  preview: (orgId: string, body: PreviewBody) => [...segmentKeys.all(orgId), "preview", body] as const,
  facets: (orgId: string) => [...segmentKeys.all(orgId), "facets"] as const,
  reasonCodes: (orgId: string) => [...segmentKeys.all(orgId), "reason-codes"] as const,
};

/** Count, totals and one page of the clients a filter keeps; the previous answer stays while typing. */
export function useSegmentPreview(orgId: string, body: PreviewBody) {
  return useQuery({
    queryKey: segmentKeys.preview(orgId, body),
    queryFn: () => api.post<SegmentResult>(`${segmentsPath(orgId)}/preview`, body),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSegments(orgId: string) {
  return useQuery({
    queryKey: segmentKeys.list(orgId),
    queryFn: () => api.get<SegmentList>(segmentsPath(orgId)),
  });
}

/** Client types and CSMs to choose from (the reports' facets). */
export function useSegmentFacets(orgId: string) {
  return useQuery({
    queryKey: segmentKeys.facets(orgId),
    queryFn: () => api.get<ReportFacets>(`${orgPath(orgId)}/reports/facets`),
    staleTime: 60_000,
  });
}

export function useReasonCodeOptions(orgId: string) {
  return useQuery({
    queryKey: segmentKeys.reasonCodes(orgId),
    queryFn: () => api.get<z.infer<typeof ReasonCodeList>>(`${orgPath(orgId)}/reason-codes`),
    staleTime: 60_000,
  });
}

export function useCreateSegment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: CreateSegmentBody) => api.post<Segment>(segmentsPath(orgId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.list(orgId) }),
  });
}

export function useUpdateSegment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: ({ id, body }: { id: string; body: UpdateSegmentBody }) =>
      api.patch<Segment>(segmentPath(orgId, id), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.list(orgId) }),
  });
}

export function useDeleteSegment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(segmentPath(orgId, id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.list(orgId) }),
  });
}

/**
 * Where the browser downloads an export (a plain link: the server streams the file). A saved segment
 * whose filter is unchanged exports under its own name; anything else exports the current filter.
 */
export function exportHref(
  orgId: string,
  format: "csv" | "xlsx",
  source: { segmentId: string } | { filter: PreviewBody["filter"] },
) {
  if ("segmentId" in source) return `${segmentPath(orgId, source.segmentId)}/export.${format}`;
  return `${orgPath(orgId)}/clients/export.${format}${filterQueryString(source.filter ?? {})}`;
}

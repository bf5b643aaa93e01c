import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditRequestView, DecisionBody, SampleBody } from "../../../../src/features/academy/cpd/audits/contract";
import type { Dashboard } from "../../../../src/features/academy/cpd/dashboard/contract";
import type { SelfCertBody, SelfCertView } from "../../../../src/features/academy/cpd/self-cert/contract";
import { api, queryString } from "../../../api/http-client";

/** Under the CPD root key, so every CPD write (enrolment, completion, self-certification) refreshes the dashboard. */
export const cpdKeys = {
  all: ["academy", "cpd"] as const,
  dashboard: (q: { from?: string; to?: string; page: number }) => [...cpdKeys.all, "dashboard", q] as const,
  selfCerts: () => [...cpdKeys.all, "self-certifications"] as const,
  audits: (status?: string) => [...cpdKeys.all, "audits", status ?? "all"] as const,
};

export const RECORD_CSV_URL = "/api/academy/cpd/record.csv";
export const TRANSCRIPT_PDF_URL = "/api/academy/cpd/transcript.pdf";
export const evidenceUrl = (id: string) => `/api/admin/academy/cpd/evidence/${id}`;

export function useDashboard(q: { from?: string; to?: string; page: number }) {
  return useQuery({
    queryKey: cpdKeys.dashboard(q),
    queryFn: () => api.get<Dashboard>(`/api/academy/cpd/dashboard${queryString(q)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSelfCertifications() {
  return useQuery({
    queryKey: cpdKeys.selfCerts(),
    queryFn: () => api.get<{ items: SelfCertView[] }>("/api/academy/cpd/self-certifications"),
  });
}

export function useSubmitSelfCertification() {
  const client = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (body: SelfCertBody) => api.post<SelfCertView>("/api/academy/cpd/self-certifications", body),
    onSuccess: () => client.invalidateQueries({ queryKey: cpdKeys.all }),
  });
}

export function useAuditRequests(status?: string) {
  return useQuery({
    queryKey: cpdKeys.audits(status),
    queryFn: () =>
      api.get<{ items: AuditRequestView[] }>(`/api/admin/academy/cpd/audit-requests${queryString({ status })}`),
  });
}

export function useDrawSample() {
  const client = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (body: SampleBody) =>
      api.post<{ selected: number; population: number; seed: string }>("/api/admin/academy/cpd/audit-samples", body),
    onSuccess: () => client.invalidateQueries({ queryKey: cpdKeys.all }),
  });
}

export function useDecideAudit(id: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (body: DecisionBody) =>
      api.post<AuditRequestView>(`/api/admin/academy/cpd/audit-requests/${id}/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: cpdKeys.all }),
  });
}

export function useRespondToAudit(id: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (body: { note?: string; evidence: NonNullable<SelfCertBody["evidence"]> }) =>
      api.post<AuditRequestView>(`/api/academy/cpd/audit-requests/${id}/response`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: cpdKeys.all }),
  });
}

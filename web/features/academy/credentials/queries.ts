import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminCredentialList,
  AwardBody,
  CredentialSummary,
  EvidencePage,
  MyCredentialList,
  ReinstateBody,
  RevokeBody,
  VerifyBody,
  VerifyResult,
} from "../../../../src/features/academy/credentials/contract";
import { isApiError } from "../../../api/api-error";
import { api, queryString } from "../../../api/http-client";

export const credentialKeys = {
  all: ["credentials"] as const,
  mine: () => [...credentialKeys.all, "mine"] as const,
  evidence: (id: string) => [...credentialKeys.all, "evidence", id] as const,
  admin: (filter: { q: string; limit: number; offset: number }) => [...credentialKeys.all, "admin", filter] as const,
};

export const certificatePdfUrl = (id: string) => `/api/me/credentials/${id}/certificate.pdf`;
export const credentialJsonUrl = (id: string) => `/api/me/credentials/${id}/credential.json`;

export function useMyCredentials() {
  return useQuery({
    queryKey: credentialKeys.mine(),
    queryFn: () => api.get<MyCredentialList>("/api/me/credentials"),
  });
}

/** A public evidence page; null when it does not exist or its holder keeps it private (404). */
export function useEvidencePage(id: string) {
  return useQuery({
    queryKey: credentialKeys.evidence(id),
    queryFn: async () => {
      try {
        return await api.get<EvidencePage>(`/api/credentials/${id}`);
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useSetHidden() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) =>
      api.patch<CredentialSummary>(`/api/me/credentials/${id}`, { hidden }),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

export function useVerify() {
  return useMutation({
    mutationFn: (body: VerifyBody) => api.post<VerifyResult>("/api/credentials/verify", body),
    meta: { inlineError: true },
  });
}

export function useAdminCredentials(filter: { q: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: credentialKeys.admin(filter),
    queryFn: () => api.get<AdminCredentialList>(`/api/admin/credentials${queryString(filter)}`),
    placeholderData: keepPreviousData,
  });
}

export function useRevoke() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & RevokeBody) =>
      api.post<CredentialSummary>(`/api/admin/credentials/${id}/revoke`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

export function useReinstate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ReinstateBody) =>
      api.post<CredentialSummary>(`/api/admin/credentials/${id}/reinstate`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

export function useAward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AwardBody) => api.post<CredentialSummary>("/api/admin/credentials/award", body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: credentialKeys.all }),
  });
}

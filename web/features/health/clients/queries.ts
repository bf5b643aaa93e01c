import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Client,
  ClientHistory,
  ClientList,
  CreateClientBody,
  UpdateClientBody,
} from "../../../../src/features/health/clients/contract";
import type { ReportFacets } from "../../../../src/features/health/reports/contract";
import { api, queryString } from "../../../api/http-client";

const inline = { meta: { inlineError: true } };
const clientsPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}/clients`;
const clientPath = (orgId: string, clientId: string) => `${clientsPath(orgId)}/${encodeURIComponent(clientId)}`;

export type ClientHistoryView = z.infer<typeof ClientHistory>;
export type { ClientSort } from "../../../../src/features/health/clients/contract";

import type { ClientSort } from "../../../../src/features/health/clients/contract";
export type ClientListFilter = { q: string; sort: ClientSort; limit: number; offset: number; includeArchived: boolean };
export type MoneyMetric = ReportFacets["primaryMetric"];

export const clientKeys = {
  all: (orgId: string) => ["health", orgId, "clients"] as const,
  list: (orgId: string, filter: ClientListFilter) => [...clientKeys.all(orgId), "list", filter] as const,
  detail: (orgId: string, clientId: string) => [...clientKeys.all(orgId), "detail", clientId] as const,
  history: (orgId: string, clientId: string) => [...clientKeys.detail(orgId, clientId), "history"] as const,
  facets: (orgId: string) => [...clientKeys.all(orgId), "facets"] as const,
};

export function useClients(orgId: string, filter: ClientListFilter) {
  const { includeArchived, ...rest } = filter;
  return useQuery({
    queryKey: clientKeys.list(orgId, filter),
    queryFn: () =>
      api.get<ClientList>(
        `${clientsPath(orgId)}${queryString({ ...rest, includeArchived: includeArchived ? "true" : undefined })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useClient(orgId: string, clientId: string) {
  return useQuery({
    queryKey: clientKeys.detail(orgId, clientId),
    queryFn: () => api.get<Client>(clientPath(orgId, clientId)),
    retry: false,
  });
}

export function useClientHistory(orgId: string, clientId: string) {
  return useQuery({
    queryKey: clientKeys.history(orgId, clientId),
    queryFn: () => api.get<ClientHistoryView>(`${clientPath(orgId, clientId)}/history`),
  });
}

/** The organization's client types, CSMs and primary money metric (ARR, MRR or ACV). */
export function useClientFacets(orgId: string) {
  return useQuery({
    queryKey: clientKeys.facets(orgId),
    queryFn: () => api.get<ReportFacets>(`/api/organizations/${encodeURIComponent(orgId)}/reports/facets`),
    staleTime: 60_000,
    retry: false,
  });
}

export function useCreateClient(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: CreateClientBody) => api.post<Client>(clientsPath(orgId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all(orgId) }),
  });
}

export function useUpdateClient(orgId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...inline,
    mutationFn: (body: UpdateClientBody) => api.patch<Client>(clientPath(orgId, clientId), body),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(orgId, clientId), client);
      return queryClient.invalidateQueries({ queryKey: clientKeys.all(orgId) });
    },
  });
}

/** Archives or restores a client (managers and above). */
export function useSetClientArchived(orgId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      api.post<Client>(`${clientPath(orgId, clientId)}/${archived ? "archive" : "unarchive"}`),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(orgId, clientId), client);
      return queryClient.invalidateQueries({ queryKey: clientKeys.all(orgId) });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PathDetail, PathSummary } from "../../../../../src/features/academy/cpd/paths/contract";
import { api } from "../../../../api/http-client";

export const cpdPathKeys = {
  all: ["academy", "cpd"] as const,
  list: () => [...cpdPathKeys.all, "paths"] as const,
  path: (id: string) => [...cpdPathKeys.all, "path", id] as const,
};

export function usePaths() {
  return useQuery({
    queryKey: cpdPathKeys.list(),
    queryFn: () => api.get<{ paths: PathSummary[] }>("/api/academy/cpd/paths"),
  });
}

export function usePath(pathId: string | undefined) {
  return useQuery({
    queryKey: cpdPathKeys.path(pathId ?? ""),
    queryFn: () => api.get<PathDetail>(`/api/academy/cpd/paths/${pathId}`),
    enabled: Boolean(pathId),
  });
}

export function useEnrol(pathId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PathDetail>(`/api/academy/cpd/paths/${pathId}/enrolment`),
    onSuccess: () => client.invalidateQueries({ queryKey: cpdPathKeys.all }),
  });
}

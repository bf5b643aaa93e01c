import { useQuery } from "@tanstack/react-query";
import type { CatalogProgram, CatalogResponse, ModuleDetail } from "../../../../src/features/academy/catalog/contract";
import { api } from "../../../api/http-client";

export const catalogKeys = {
  all: ["academy", "catalog"] as const,
  home: () => [...catalogKeys.all, "home"] as const,
  program: (key: string) => [...catalogKeys.all, "program", key] as const,
  module: (key: string) => [...catalogKeys.all, "module", key] as const,
};

export function useCatalogHome() {
  return useQuery({ queryKey: catalogKeys.home(), queryFn: () => api.get<CatalogResponse>("/api/academy/catalog") });
}

export function useProgram(programKey: string) {
  return useQuery({
    queryKey: catalogKeys.program(programKey),
    queryFn: () => api.get<CatalogProgram>(`/api/academy/programs/${encodeURIComponent(programKey)}`),
  });
}

export function useModule(moduleKey: string) {
  return useQuery({
    queryKey: catalogKeys.module(moduleKey),
    queryFn: () => api.get<ModuleDetail>(`/api/academy/modules/${encodeURIComponent(moduleKey)}`),
  });
}

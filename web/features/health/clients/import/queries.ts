import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportMode, ImportReport } from "../../../../../src/features/health/clients/import/contract";
import { ApiError } from "../../../../api/api-error";

export type ImportKind = "clients" | "usage";
export type ImportRequest = {
  kind: ImportKind;
  file: Blob;
  mode: ImportMode;
  dryRun: boolean;
  /** CSV column -> field or "ignore"; left out, the server maps columns by their header names. */
  mapping?: Record<string, string>;
  dateOrder: "mdy" | "dmy";
};

const PATHS: Record<ImportKind, string> = { clients: "clients/import", usage: "usage-figures/import" };

/** Sends the file itself as the body (text/csv); the server answers with the per-row report. */
async function postCsv(orgId: string, request: ImportRequest): Promise<ImportReport> {
  const query = new URLSearchParams({
    mode: request.mode,
    dryRun: String(request.dryRun),
    dateOrder: request.dateOrder,
  });
  if (request.mapping) query.set("mapping", JSON.stringify(request.mapping));
  let response: Response;
  try {
    response = await fetch(`/api/organizations/${encodeURIComponent(orgId)}/${PATHS[request.kind]}?${query}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "text/csv" },
      body: request.file,
    });
  } catch {
    throw new ApiError(0, "network", "Pulse could not reach the server. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as
    | (ImportReport & { error?: { code: string; message: string; fields?: Record<string, string> } })
    | null;
  if (!response.ok || !body) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "unknown",
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? {},
    );
  }
  return body;
}

/** Runs a dry run or an import; an import that wrote rows refreshes every health view of the organization. */
export function useRunImport(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (request: ImportRequest) => postCsv(orgId, request),
    onSuccess: (report) => {
      if (report.outcome === "imported") return queryClient.invalidateQueries({ queryKey: ["health", orgId] });
    },
  });
}

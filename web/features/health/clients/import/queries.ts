import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportJob, ImportMode, ImportReport } from "../../../../../src/features/health/clients/import/contract";
import { ApiError } from "../../../../api/api-error";
import { api } from "../../../../api/http-client";

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

/** How often a large import's progress is asked for. */
const POLL_MS = 500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the file itself as the body (text/csv). A small file is answered with the per-row report; a
 * large one with a job (202), polled until it is done while `onProgress` receives each state.
 */
async function postCsv(
  orgId: string,
  request: ImportRequest,
  onProgress: (job: ImportJob | null) => void,
): Promise<ImportReport> {
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
    | ((ImportReport | ImportJob) & { error?: { code: string; message: string; fields?: Record<string, string> } })
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
  if (response.status !== 202) return body as ImportReport;
  let job = body as ImportJob;
  onProgress(job);
  while (job.status !== "done" && job.status !== "failed") {
    await pause(POLL_MS);
    job = await api.get<ImportJob>(`/api/organizations/${encodeURIComponent(orgId)}/imports/${job.id}`);
    onProgress(job);
  }
  if (job.status === "failed" || !job.report) {
    throw new ApiError(422, "import_failed", job.failure ?? "The import stopped.");
  }
  return job.report;
}

/**
 * Runs a dry run or an import; an import that wrote rows refreshes every health view of the organization.
 * A large file's job is handed to `onProgress` each time it is polled (null when a new run starts).
 */
export function useRunImport(orgId: string, onProgress: (job: ImportJob | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineError: true },
    mutationFn: (request: ImportRequest) => {
      onProgress(null);
      return postCsv(orgId, request, onProgress);
    },
    onSuccess: (report) => {
      if (report.outcome === "imported") return queryClient.invalidateQueries({ queryKey: ["health", orgId] });
    },
  });
}

import { ApiError, type FieldErrors } from "./api-error";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readFields(value: unknown): FieldErrors {
  if (!isRecord(value)) return {};
  const fields: FieldErrors = {};
  for (const [path, reason] of Object.entries(value)) {
    if (typeof reason === "string") fields[path] = reason;
  }
  return fields;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    const error = isRecord(body) ? body.error : undefined;
    if (isRecord(error) && typeof error.message === "string") {
      const code = typeof error.code === "string" ? error.code : "unknown";
      return new ApiError(response.status, code, error.message, readFields(error.fields));
    }
  } catch {
    // Not JSON: fall through to a generic error.
  }
  return new ApiError(response.status, "unknown", `${fallback}.`);
}

/** Calls the Pulse API (same origin, cookie session) and returns the parsed JSON body. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "Pulse could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>("GET", path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, body),
  delete: (path: string) => apiRequest<void>("DELETE", path),
};

/** Builds `?a=1&b=2`, skipping empty values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

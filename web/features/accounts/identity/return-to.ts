import { safeRedirect } from "../../../api/safe-redirect";

const KEY = "pulse.returnTo";

/**
 * Remembers where to go after signing in. Kept in localStorage because the way back may pass
 * through a confirmation email opened in another tab (e.g. accepting an invitation after sign-up).
 */
export function rememberReturnTo(path: string): void {
  try {
    localStorage.setItem(KEY, path);
  } catch {
    // Storage may be unavailable (private mode); the redirect search parameter still works.
  }
}

export function peekReturnTo(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Reads and forgets the remembered path, falling back when there is none. */
export function takeReturnTo(fallback: string): string {
  const path = peekReturnTo();
  try {
    localStorage.removeItem(KEY);
  } catch {
    // ignore
  }
  return safeRedirect(path, fallback);
}

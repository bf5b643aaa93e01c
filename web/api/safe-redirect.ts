/** Accepts only same-site paths ("/org", not "//evil.example" or "https://..."), else the fallback. */
export function safeRedirect(target: string | undefined, fallback = "/"): string {
  if (target === undefined || !/^\/(?![/\\])/.test(target)) return fallback;
  return target;
}

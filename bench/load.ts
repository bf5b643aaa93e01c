import autocannon from "autocannon";

export type LoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };
export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; failed: number };

/** A warm-up run (discarded), then the measured run, with the same connections and headers. */
export async function measure(
  url: string,
  headers: Record<string, string>,
  settings: LoadSettings,
): Promise<LoadResult> {
  if (settings.warmupSeconds > 0) {
    await autocannon({ url, headers, connections: settings.connections, duration: settings.warmupSeconds });
  }
  const r = await autocannon({ url, headers, connections: settings.connections, duration: settings.durationSeconds });
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failed: r.errors + r.timeouts + r.non2xx,
  };
}

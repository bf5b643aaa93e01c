// autocannon ships no types; this declares the part of its programmatic API the bench uses.
declare module "autocannon" {
  type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
  export type AutocannonResult = {
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };
  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
  };
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}

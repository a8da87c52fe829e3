/** The part of autocannon's API the benchmark scripts use (the package ships no types). */
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number };
  type Options = { url: string; connections?: number; duration?: number; method?: string; headers?: Record<string, string>; body?: string };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}

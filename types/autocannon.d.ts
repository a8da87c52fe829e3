// The parts of autocannon (which ships no types) that scripts/bench uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: (RawRequest & { setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest })[];
  };

  type Histogram = { average: number; mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number };

  type Result = {
    latency: Histogram;
    requests: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  function autocannon(opts: Options): Instance;
  export default autocannon;
}

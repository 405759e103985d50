import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** Builds each request's body (and path) anew, for writes that must differ. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  body?: string;
}

/** Drives one URL with autocannon and reduces the result to what the reports print. */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body ? { body: options.body } : {}),
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest }] } : {}),
  });
  return {
    name: options.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One table, every route next to the trivial route's figures measured in the same run. */
export function printTable(title: string, baseline: LoadResult, results: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log(
    'route'.padEnd(22),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'ratio'.padStart(7),
    'non2xx'.padStart(7),
  );
  for (const r of [baseline, ...results]) {
    const ratio = (r.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)).toFixed(2);
    console.log(
      r.name.padEnd(22),
      String(r.requestsPerSecond).padStart(8),
      String(r.latencyP50Ms).padStart(8),
      String(r.latencyP99Ms).padStart(8),
      ratio.padStart(7),
      String(r.non2xx + r.errors).padStart(7),
    );
  }
}

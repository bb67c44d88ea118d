import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One registry per process: the all-in-one platform serves every service from one process, so series carry
 * a `service` label instead of living in separate registries.
 */
export const metricsRegistry = new Registry();
let defaultsCollected = false;

export function ensureDefaultMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

export const httpRequestDuration = new Histogram({
  name: 'dsaas_http_request_duration_seconds',
  help: 'HTTP request latency by service, method, route and status',
  labelNames: ['service', 'method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const apiRequestsTotal = new Counter({
  name: 'dsaas_api_requests_total',
  help: 'API requests by service, participant context and status class (a pricing dimension)',
  labelNames: ['service', 'participant_context_id', 'status_class'] as const,
  registers: [metricsRegistry],
});

/** Get or create a metric by name, so libs can declare metrics without double registration. */
export function getOrCreateCounter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Counter<string>;
  return new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

export function getOrCreateHistogram(name: string, help: string, labelNames: string[] = [], buckets?: number[]): Histogram<string> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Histogram<string>;
  return new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}

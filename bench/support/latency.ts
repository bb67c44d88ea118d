/** Latency figures of one measured operation, in milliseconds. */
export interface Measurement {
  name: string;
  /** The target for P95 (seed SLA). */
  slaMs: number;
  runs?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  mean?: number;
  /** Why there are no figures. */
  error?: string;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(samples: number[]): Required<Omit<Measurement, 'name' | 'slaMs' | 'error'>> {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
}

/** A fixed-width table: one line per operation, P95 beside its SLA. */
export function printReport(title: string, results: Measurement[]): void {
  const width = Math.max(...results.map((r) => r.name.length));
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  const lines = [
    '',
    title,
    `${'operation'.padEnd(width)}  ${'runs'.padStart(5)}  ${'P50'.padStart(10)}  ${'P95'.padStart(10)}  ${'P99'.padStart(10)}  ${'max'.padStart(10)}  ${'SLA P95'.padStart(10)}  verdict`,
    ...results.map((r) =>
      r.error || r.p95 === undefined
        ? `${r.name.padEnd(width)}  FAILED: ${r.error}`
        : `${r.name.padEnd(width)}  ${String(r.runs).padStart(5)}  ${ms(r.p50!)}  ${ms(r.p95)}  ${ms(r.p99!)}  ${ms(r.max!)}  ${ms(r.slaMs)}  ${r.p95 <= r.slaMs ? 'meets' : 'MISSES'}`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
}

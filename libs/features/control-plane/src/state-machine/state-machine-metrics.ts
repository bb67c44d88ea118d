import { Gauge } from 'prom-client';
import { getOrCreateCounter, getOrCreateHistogram, metricsRegistry } from '@dsaas/telemetry';

const work = getOrCreateCounter(
  'dsaas_state_machine_work_total',
  'Rows a state-machine worker worked on, by machine and outcome (transitioned, retry, failed, idle, lease-lost)',
  ['machine', 'outcome'],
);
const handlerSeconds = getOrCreateHistogram(
  'dsaas_state_machine_handler_duration_seconds',
  'Time one state-machine handler took (its DSP/DPS calls included)',
  ['machine'],
  [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
);

/** Counts a machine's rows that are due and waiting for a worker. */
export type BacklogSource = () => Promise<number>;
const backlogSources = new Map<string, Set<BacklogSource>>();

// Read at scrape time: every worker of a machine in this process reads the same table, so one answer is enough.
if (!metricsRegistry.getSingleMetric('dsaas_state_machine_due_rows')) {
  new Gauge({
    name: 'dsaas_state_machine_due_rows',
    help: 'State-machine rows that are due and not leased by any replica (the backlog), by machine',
    labelNames: ['machine'],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const [machine, sources] of backlogSources) {
        const [source] = sources;
        if (!source) continue;
        try {
          this.set({ machine }, await source());
        } catch {
          // A scrape during shutdown or a database blip: no sample rather than a failed scrape.
        }
      }
    },
  });
}

export const stateMachineMetrics = {
  worked(machine: string, outcome: string): void {
    work.inc({ machine, outcome });
  },
  handled(machine: string, seconds: number): void {
    handlerSeconds.observe({ machine }, seconds);
  },
  addBacklogSource(machine: string, source: BacklogSource): void {
    const sources = backlogSources.get(machine) ?? new Set();
    sources.add(source);
    backlogSources.set(machine, sources);
  },
  removeBacklogSource(machine: string, source: BacklogSource): void {
    backlogSources.get(machine)?.delete(source);
  },
};

import { DataSource, EntityManager } from 'typeorm';
import { CONTRACT_NEGOTIATION_STATE_CHANGED_V1 } from '@dsaas/contracts';
import { CreateOutboxTable1764000000000, OutboxMessageEntity, OutboxWriter } from '@dsaas/messaging';
import { openServiceDataSource } from '@dsaas/persistence';
import { metricsRegistry } from '@dsaas/telemetry';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { CONTROL_PLANE_SCHEMA, ControlPlaneEntities, ControlPlaneMigrations } from '../src';
import { CounterPartyRejectedException } from '../src/dsp/counter-party-rejected.exception';
import { CounterPartyUnreachableException } from '../src/dsp/counter-party-unreachable.exception';
import { ContractNegotiationEntity } from '../src/negotiation/contract-negotiation.entity';
import { backoffDelayMs, MAX_BACKOFF_MS } from '../src/state-machine/backoff';
import { StateMachine, StateMachineStep } from '../src/state-machine/state-machine';
import { transitionColumns } from '../src/state-machine/state-machine-columns';
import { loadDspConfig } from '../src/dsp/dsp.config';
import { stateMachineSettings, StateMachineSettings } from '../src/state-machine/state-machine-settings';
import { StateMachineWorker, WorkOutcome } from '../src/state-machine/state-machine.worker';

const SETTINGS: StateMachineSettings = { pollMs: 20, batchSize: 10, leaseMs: 30_000, maxAttempts: 3, backoffBaseMs: 20, drainMs: 2000 };
const outbox = new OutboxWriter();

type Handler = (row: ContractNegotiationEntity) => Promise<StateMachineStep | undefined>;

/** A two-state machine on the negotiation table: REQUESTING --handler--> REQUESTED (or TERMINATED when failed). */
function machine(handler: Handler): StateMachine<ContractNegotiationEntity> {
  return {
    name: 'test',
    entity: ContractNegotiationEntity,
    workStates: ['REQUESTING'],
    handle: handler,
    async apply(manager: EntityManager, row: ContractNegotiationEntity, step: StateMachineStep) {
      const now = new Date();
      await manager.update(ContractNegotiationEntity, { participantContextId: row.participantContextId, id: row.id }, {
        ...(step.changes ?? {}),
        ...transitionColumns(step.to, false, now),
      } as never);
      await outbox.enqueue(manager, CONTRACT_NEGOTIATION_STATE_CHANGED_V1, {
        participantContextId: row.participantContextId,
        contractNegotiationId: row.id,
        role: 'CONSUMER',
        state: step.to,
        previousState: row.state,
        counterPartyId: row.counterPartyId,
        assetId: row.assetId,
        at: now.toISOString(),
      });
    },
    failed: (_row, reason) => ({ to: 'TERMINATED', changes: { reason } }),
  };
}

function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
}

describeWithServices(['postgres'], 'state-machine worker (leases, outbox, retries) on Postgres', () => {
  let db: TestDatabase;
  let replicaA: DataSource;
  let replicaB: DataSource;
  const workers: StateMachineWorker<ContractNegotiationEntity>[] = [];

  const open = () =>
    openServiceDataSource({
      url: db.url,
      schema: CONTROL_PLANE_SCHEMA,
      entities: [OutboxMessageEntity, ...ControlPlaneEntities],
      migrations: [CreateOutboxTable1764000000000, ...ControlPlaneMigrations],
    });

  function worker(dataSource: DataSource, handler: Handler, settings: Partial<StateMachineSettings> = {}, replicaId?: string) {
    const created = new StateMachineWorker(dataSource, machine(handler), { ...SETTINGS, ...settings }, replicaId);
    workers.push(created);
    return created;
  }

  async function insertRows(context: string, count: number, state = 'REQUESTING'): Promise<string[]> {
    const now = new Date();
    const ids = Array.from({ length: count }, (_, i) => `${context}-${i}`);
    await replicaA.getRepository(ContractNegotiationEntity).insert(
      ids.map((id) => ({
        participantContextId: context,
        id,
        role: 'CONSUMER',
        state,
        counterPartyId: 'did:web:provider',
        counterPartyAddress: 'http://provider/dsp',
        protocol: 'http-dsp-profile-2025-1',
        consumerPid: id,
        assetId: 'asset-1',
        offer: {},
        callbackAddresses: [],
        nextAttemptAt: now,
        updatedAt: now,
        createdAt: now,
      })),
    );
    return ids;
  }

  const row = (context: string, id: string) => replicaA.getRepository(ContractNegotiationEntity).findOneByOrFail({ participantContextId: context, id });
  const states = async (context: string) =>
    (await replicaA.getRepository(ContractNegotiationEntity).findBy({ participantContextId: context })).map((r) => r.state);
  const eventsPerRow = async (context: string): Promise<Record<string, number>> => {
    const rows: { id: string; n: string }[] = await replicaA.query(
      `SELECT payload->>'contractNegotiationId' AS id, count(*) AS n FROM "${CONTROL_PLANE_SCHEMA}"."outbox" WHERE payload->>'participantContextId' = $1 GROUP BY 1`,
      [context],
    );
    return Object.fromEntries(rows.map((r) => [r.id, Number(r.n)]));
  };

  beforeAll(async () => {
    db = await createTestDatabase('cp_state_machine');
    replicaA = await open();
    replicaB = await open();
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop(500);
  });

  afterAll(async () => {
    await replicaA?.destroy();
    await replicaB?.destroy();
    await db?.drop();
  });

  it('two replicas process 300 rows: every row transitions exactly once, with exactly one outbox event', async () => {
    const ids = await insertRows('many', 300);
    const calls = new Map<string, number>();
    const byReplica: Record<string, number> = {};
    const handler: Handler = async (r) => {
      calls.set(r.id, (calls.get(r.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      return { to: 'REQUESTED', changes: { providerPid: `p-${r.id}` } };
    };
    const a = worker(replicaA, handler, {}, 'replica-a');
    const b = worker(replicaB, handler, {}, 'replica-b');
    for (const w of [a, b]) w.onOutcome = (_r, outcome) => outcome === 'transitioned' && (byReplica[w.replicaId] = (byReplica[w.replicaId] ?? 0) + 1);
    a.start();
    b.start();
    await until(async () => (await states('many')).every((s) => s === 'REQUESTED'));
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(300);
    const events = await eventsPerRow('many');
    expect(Object.keys(events).sort()).toEqual([...ids].sort());
    expect(Object.values(events).every((n) => n === 1)).toBe(true);
    expect(byReplica['replica-a'] + byReplica['replica-b']).toBe(300);
    // Both replicas took part (SKIP LOCKED spreads the rows).
    expect(byReplica['replica-a']).toBeGreaterThan(0);
    expect(byReplica['replica-b']).toBeGreaterThan(0);
    const sample = await row('many', ids[0]);
    expect(sample).toMatchObject({ providerPid: `p-${ids[0]}`, leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: null, attempts: 0, version: 1 });
  });

  it('a replica that dies mid-handler leaves a lease; the other replica takes the row over after it expires', async () => {
    const [id] = await insertRows('killed', 1);
    let releaseDead!: () => void;
    const deadHandlerStarted = new Promise<void>((started) => {
      const dead = worker(replicaA, async () => {
        started();
        await new Promise<void>((resolve) => (releaseDead = resolve));
        return { to: 'REQUESTED', changes: { providerPid: 'from-the-dead' } };
      }, { leaseMs: 400 }, 'dying-replica');
      dead.start();
    });
    await deadHandlerStarted;
    const deadWorker = workers[workers.length - 1];
    const deadOutcomes: WorkOutcome[] = [];
    deadWorker.onOutcome = (_r, outcome) => deadOutcomes.push(outcome);
    // "Kill": it stops claiming and never finishes its handler in time.
    await deadWorker.stop(0);
    expect(await row('killed', id)).toMatchObject({ state: 'REQUESTING', leaseOwner: 'dying-replica' });

    const startedAt = Date.now();
    const survivor = worker(replicaB, async () => ({ to: 'REQUESTED', changes: { providerPid: 'from-the-survivor' } }), { leaseMs: 400 }, 'survivor');
    survivor.start();
    await until(async () => (await row('killed', id)).state === 'REQUESTED');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);

    // The dead replica's late result is dropped: the row moved on under another lease.
    releaseDead();
    await until(async () => deadOutcomes.length === 1);
    expect(deadOutcomes).toEqual(['lease-lost']);
    expect(await row('killed', id)).toMatchObject({ state: 'REQUESTED', providerPid: 'from-the-survivor', leaseOwner: null });
    expect(await eventsPerRow('killed')).toEqual({ [id]: 1 });
  });

  it('a live replica keeps renewing the lease of a slow handler: nobody else takes the row over', async () => {
    const [id] = await insertRows('slow', 1);
    let calls = 0;
    const slow: Handler = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      return { to: 'REQUESTED' };
    };
    worker(replicaA, slow, { leaseMs: 300 }, 'slow-a').start();
    await until(async () => calls === 1);
    worker(replicaB, slow, { leaseMs: 300 }, 'slow-b').start();
    await until(async () => (await row('slow', id)).state === 'REQUESTED');
    expect(calls).toBe(1);
    expect(await eventsPerRow('slow')).toEqual({ [id]: 1 });
  });

  it('stop() drains: it waits for the handlers in flight, whose results are applied', async () => {
    const [id] = await insertRows('drain', 1);
    let started = false;
    const w = worker(replicaA, async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { to: 'REQUESTED' };
    });
    w.start();
    await until(async () => started);
    await w.stop();
    expect(await row('drain', id)).toMatchObject({ state: 'REQUESTED', leaseOwner: null });
    expect(w.busy).toBe(0);
  });

  it('reports the backlog (due rows nobody holds), outcomes and handler time as Prometheus metrics', async () => {
    await insertRows('backlog', 3);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const w = worker(replicaA, async () => {
      await blocked;
      return { to: 'REQUESTED' };
    }, { batchSize: 1, pollMs: 60_000 });
    w.start();
    await until(async () => w.busy === 1);
    const scrape = async () => metricsRegistry.metrics();
    expect(await scrape()).toMatch(/dsaas_state_machine_due_rows\{machine="test"\} 2/);
    release();
    await until(async () => (await states('backlog')).every((state) => state === 'REQUESTED'));
    const text = await scrape();
    expect(text).toMatch(/dsaas_state_machine_due_rows\{machine="test"\} 0/);
    expect(text).toMatch(/dsaas_state_machine_work_total\{machine="test",outcome="transitioned"\} \d+/);
    expect(text).toMatch(/dsaas_state_machine_handler_duration_seconds_count\{machine="test"\} \d+/);
  });

  it('rejects invalid STATE_MACHINE_* settings at start-up, naming the variable', () => {
    for (const [name, value] of [['STATE_MACHINE_BATCH_SIZE', '0'], ['STATE_MACHINE_MAX_ATTEMPTS', 'many'], ['STATE_MACHINE_BACKOFF_BASE_MS', '-5'], ['STATE_MACHINE_LEASE_MS', '10']]) {
      expect(() => loadDspConfig({ [name]: value })).toThrow(name);
    }
    expect(stateMachineSettings(loadDspConfig({}))).toMatchObject({ pollMs: 1000, batchSize: 20, leaseMs: 30_000, maxAttempts: 6, backoffBaseMs: 1000 });
  });

  it('retries an unreachable counter-party with growing delays, then terminates with the reason', async () => {
    const [id] = await insertRows('retry', 1);
    const attemptsAt: number[] = [];
    worker(replicaA, async () => {
      attemptsAt.push(Date.now());
      throw new CounterPartyUnreachableException('POST http://provider/dsp/negotiations/request failed: ECONNREFUSED');
    }, { maxAttempts: 4, backoffBaseMs: 100 }).start();
    await until(async () => (await row('retry', id)).state === 'TERMINATED');
    expect(attemptsAt).toHaveLength(4);
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]);
    // Equal jitter: each delay is at least half of base * 2^(n-1): 50, 100, 200 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
    const terminated = await row('retry', id);
    expect(terminated.errorDetail).toContain('ECONNREFUSED');
    expect(terminated.reason).toContain('ECONNREFUSED');
    expect(terminated.leaseOwner).toBeNull();
    expect(await eventsPerRow('retry')).toEqual({ [id]: 1 });
  });

  it('keeps the attempt count and last error between retries', async () => {
    const [id] = await insertRows('count', 1);
    let attempts = 0;
    worker(replicaA, async () => {
      attempts++;
      if (attempts < 3) throw new Error(`socket hang up #${attempts}`);
      return { to: 'REQUESTED' };
    }, { maxAttempts: 5, backoffBaseMs: 10 }).start();
    await until(async () => (await row('count', id)).state === 'REQUESTED');
    expect(attempts).toBe(3);
    // The transition resets the attempts.
    expect(await row('count', id)).toMatchObject({ attempts: 0, nextAttemptAt: null });
  });

  it('a refusal by the counter-party terminates at once, without retries', async () => {
    const [id] = await insertRows('refused', 1);
    let attempts = 0;
    worker(replicaA, async () => {
      attempts++;
      throw new CounterPartyRejectedException('POST http://provider/dsp/negotiations/request was refused with HTTP 400: offer unknown', 400);
    }).start();
    await until(async () => (await row('refused', id)).state === 'TERMINATED');
    expect(attempts).toBe(1);
    expect((await row('refused', id)).errorDetail).toContain('offer unknown');
  });

  it("drops a worker's result when the row changed under it (a counter-party message wins)", async () => {
    const [id] = await insertRows('overtaken', 1);
    const outcomes: WorkOutcome[] = [];
    const w = worker(replicaA, async (r) => {
      // Meanwhile the counter-party terminates the negotiation (as a DSP endpoint's transition would).
      await replicaB.getRepository(ContractNegotiationEntity).update(
        { participantContextId: r.participantContextId, id: r.id },
        { ...transitionColumns('TERMINATED', false, new Date()), reason: 'terminated by the provider' } as never,
      );
      return { to: 'REQUESTED' };
    });
    w.onOutcome = (_r, outcome) => outcomes.push(outcome);
    w.start();
    await until(async () => outcomes.length === 1);
    expect(outcomes).toEqual(['lease-lost']);
    expect(await row('overtaken', id)).toMatchObject({ state: 'TERMINATED', reason: 'terminated by the provider' });
  });

  it('ignores rows that are not due or not in a work state, and wakes up at once on nudge()', async () => {
    const [waiting] = await insertRows('idle', 1, 'REQUESTED');
    const seen: string[] = [];
    const w = worker(replicaA, async (r) => {
      seen.push(r.id);
      return { to: 'REQUESTED' };
    }, { pollMs: 60_000 });
    w.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).not.toContain(waiting);
    const [due] = await insertRows('idle-due', 1);
    const nudgedAt = Date.now();
    w.nudge();
    await until(async () => (await row('idle-due', due)).state === 'REQUESTED', 2000);
    expect(Date.now() - nudgedAt).toBeLessThan(1000);
  });

  it('backoff doubles from the base, with jitter, and is capped', () => {
    expect(backoffDelayMs(1, 100, () => 0)).toBe(50);
    expect(backoffDelayMs(1, 100, () => 1)).toBe(100);
    expect(backoffDelayMs(3, 100, () => 0)).toBe(200);
    expect(backoffDelayMs(3, 100, () => 1)).toBe(400);
    expect(backoffDelayMs(40, 1000, () => 1)).toBe(MAX_BACKOFF_MS);
  });
});

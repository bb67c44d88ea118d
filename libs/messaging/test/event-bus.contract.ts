import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { TransientException, ValidationException } from '@dsaas/model';
import { DeadLetter } from '../src/dead-letter';
import { EventBus, EventMessage, EventSubscription, SubscribeOptions } from '../src/event-bus.port';
import { PoisonMessageError } from '../src/poison-message.error';
import { BusConfig, openBus } from './bus-config';

export interface EventBusHarness {
  /** How to build a bus on this test file's stream / schema; every call is a new, independent instance. */
  config: BusConfig;
  /** Time after which an unsettled delivery of a dead consumer is handed out again (ack wait / lease). */
  redeliveryMs: number;
  teardown(): Promise<void>;
}

/** Polls until `check` passes (it throws or returns false until then). */
export async function eventually(check: () => boolean | void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (check() !== false) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The behaviour every EventBus adapter must show. Run from each adapter's spec with a factory that gives
 * the test file its own stream or schema.
 */
export function runEventBusContract(name: string, factory: () => Promise<EventBusHarness>): void {
  describe(`EventBus contract: ${name}`, () => {
    jest.setTimeout(30_000);
    let harness: EventBusHarness;
    const buses: EventBus[] = [];
    const subscriptions: EventSubscription[] = [];
    const releases: Array<() => void> = [];
    let bus: EventBus;
    let n = 0;
    // Each test its own subjects and consumers inside the file's stream / schema.
    const unique = (base: string) => `${base}${++n}`;

    const newBus = async () => {
      const b = await openBus(harness.config);
      buses.push(b);
      return b;
    };
    const subscribe = async <T>(b: EventBus, subject: string, options: SubscribeOptions<T>) => {
      const s = await b.subscribe<T>(subject, options);
      subscriptions.push(s);
      return s;
    };
    const collectDeadLetters = async (subject: string) => {
      const letters: DeadLetter[] = [];
      await subscribe(bus, `dlq.${subject}`, {
        durable: unique('dlq'),
        handler: (m: EventMessage<DeadLetter>) => void letters.push(m.data),
      });
      return letters;
    };

    beforeAll(async () => {
      harness = await factory();
      bus = await newBus();
    });

    afterAll(async () => {
      releases.forEach((release) => release());
      await Promise.all(subscriptions.map((s) => s.close()));
      await Promise.all(buses.map((b) => b.close()));
      await harness?.teardown();
    });

    it('delivers every published message to each durable consumer, once it is acked', async () => {
      const subject = unique('orders.created.v');
      const a: number[] = [];
      const b: number[] = [];
      await subscribe(bus, subject, { durable: unique('a'), handler: (m: EventMessage<{ i: number }>) => void a.push(m.data.i) });
      await subscribe(bus, subject, { durable: unique('b'), handler: (m: EventMessage<{ i: number }>) => void b.push(m.data.i) });
      for (let i = 0; i < 10; i++) await bus.publish(subject, { i }, { headers: { 'x-trace': `t${i}` } });
      await eventually(() => expect(a.length + b.length).toBe(20));
      expect(a.sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
      expect(b.sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
    });

    it('passes subject, headers, message id, key and attempt to the handler', async () => {
      const subject = unique('tenants.created.v');
      const seen: EventMessage[] = [];
      await subscribe(bus, subject, { durable: unique('c'), handler: (m) => void seen.push(m) });
      await bus.publish({ subject }, { tenantId: 't-1' }, { messageId: 'm-1', key: 'k-1', headers: { 'x-trace': 'abc' } });
      await eventually(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toMatchObject({
        subject,
        data: { tenantId: 't-1' },
        messageId: 'm-1',
        key: 'k-1',
        attempt: 1,
        headers: { 'x-trace': 'abc' },
      });
    });

    it('delivers to wildcard subscriptions', async () => {
      const root = unique('wild');
      const seen: string[] = [];
      await subscribe(bus, `${root}.>`, { durable: unique('w'), handler: (m) => void seen.push(m.subject) });
      await bus.publish(`${root}.a.v1`, {});
      await bus.publish(`${root}.b.c.v1`, {});
      await bus.publish(`other${root}.a.v1`, {});
      await eventually(() => expect(seen.sort()).toEqual([`${root}.a.v1`, `${root}.b.c.v1`]));
    });

    it('drops a second publish with the same message id', async () => {
      const subject = unique('dedup.v');
      const seen: string[] = [];
      await subscribe(bus, subject, { durable: unique('d'), handler: (m) => void seen.push(m.messageId) });
      await bus.publish(subject, { v: 1 }, { messageId: 'same' });
      await bus.publish(subject, { v: 2 }, { messageId: 'same' });
      await bus.publish(subject, { v: 3 }, { messageId: 'same' });
      await bus.publish(subject, { v: 4 }, { messageId: 'sentinel' });
      // Delivered in order with concurrency 1: once the sentinel is in, any duplicate would be too.
      await eventually(() => expect(seen).toContain('sentinel'));
      expect(seen).toEqual(['same', 'sentinel']);
    });

    it('handles the messages of one key in order, even when one of them is retried', async () => {
      const subject = unique('ordered.v');
      const handled: string[] = [];
      let failedOnce = false;
      await subscribe(bus, subject, {
        durable: unique('o'),
        backoff: [200],
        handler: (m: EventMessage<{ v: string }>) => {
          if (m.data.v === 'A2' && !failedOnce) {
            failedOnce = true;
            throw new TransientException('database busy');
          }
          handled.push(m.data.v);
        },
      });
      for (let i = 1; i <= 4; i++) {
        await bus.publish(subject, { v: `A${i}` }, { key: 'A' });
        await bus.publish(subject, { v: `B${i}` }, { key: 'B' });
      }
      await eventually(() => expect(handled).toHaveLength(8));
      expect(handled.filter((v) => v.startsWith('A'))).toEqual(['A1', 'A2', 'A3', 'A4']);
      expect(handled.filter((v) => v.startsWith('B'))).toEqual(['B1', 'B2', 'B3', 'B4']);
    });

    it('naks a retryable failure with backoff and redelivers until it succeeds', async () => {
      const subject = unique('retry.v');
      const attempts: Array<{ attempt: number; at: number }> = [];
      let done = false;
      await subscribe(bus, subject, {
        durable: unique('r'),
        maxDeliver: 5,
        backoff: [300, 600],
        handler: (m) => {
          attempts.push({ attempt: m.attempt, at: Date.now() });
          if (m.attempt < 3) throw new Error('downstream not ready');
          done = true;
        },
      });
      await bus.publish(subject, { x: 1 });
      await eventually(() => expect(done).toBe(true));
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(250);
      expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(550);
    });

    it('terms a poison message at once and dead-letters it with the reason', async () => {
      const subject = unique('poison.v');
      const letters = await collectDeadLetters(subject);
      const calls: string[] = [];
      await subscribe(bus, subject, {
        durable: unique('p'),
        backoff: [50],
        handler: (m: EventMessage<{ v: string }>) => {
          calls.push(m.data.v);
          if (m.data.v === 'bad') throw new PoisonMessageError('unknown tenant schema');
          if (m.data.v === 'invalid') throw new ValidationException('tenantId must be a UUID');
        },
      });
      await bus.publish(subject, { v: 'bad' }, { messageId: 'poison-1', key: 'k' });
      await bus.publish(subject, { v: 'invalid' }, { messageId: 'poison-2', key: 'k' });
      await bus.publish(subject, { v: 'good' }, { key: 'k' });
      await eventually(() => expect(letters).toHaveLength(2));
      await eventually(() => expect(calls).toContain('good'));
      expect(calls).toEqual(['bad', 'invalid', 'good']);
      expect(letters[0]).toMatchObject({
        subject,
        messageId: 'poison-1',
        data: { v: 'bad' },
        attempts: 1,
        reason: expect.stringContaining('unknown tenant schema'),
      });
      expect(letters[1].reason).toContain('tenantId must be a UUID');
    });

    it('dead-letters a message that keeps failing after maxDeliver attempts, and stops redelivering it', async () => {
      const subject = unique('exhausted.v');
      const letters = await collectDeadLetters(subject);
      const attempts: number[] = [];
      await subscribe(bus, subject, {
        durable: unique('x'),
        maxDeliver: 3,
        backoff: [50],
        handler: (m) => {
          attempts.push(m.attempt);
          throw new Error('still broken');
        },
      });
      await bus.publish(subject, { v: 1 }, { messageId: 'exhausted-1' });
      await eventually(() => expect(letters).toHaveLength(1));
      expect(letters[0]).toMatchObject({ messageId: 'exhausted-1', attempts: 3 });
      expect(letters[0].reason).toContain('gave up after 3 attempts');
      await new Promise((r) => setTimeout(r, 300));
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('shares one durable consumer between instances without handing a message to both', async () => {
      const subject = unique('shared.v');
      const durable = unique('shared');
      const seen: number[] = [];
      const second = await newBus();
      for (const b of [bus, second]) {
        await subscribe(b, subject, { durable, concurrency: 2, handler: (m: EventMessage<{ i: number }>) => void seen.push(m.data.i) });
      }
      for (let i = 0; i < 20; i++) await bus.publish(subject, { i });
      await eventually(() => expect(seen).toHaveLength(20));
      await new Promise((r) => setTimeout(r, 200));
      expect([...seen].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    });

    it('redelivers a message to another instance when its consumer dies mid-message', async () => {
      const subject = unique('crash.v');
      const durable = unique('crash');
      const first = await newBus();
      let started = false;
      const crashed = await first.subscribe(subject, {
        durable,
        handler: () => {
          started = true;
          return new Promise<void>((resolve) => releases.push(resolve)); // never settles while we look
        },
      });
      await bus.publish(subject, { v: 1 }, { messageId: 'crash-1' });
      await eventually(() => expect(started).toBe(true));
      await crashed.close(); // grace runs out, the message stays unacked
      await first.close();

      const second = await newBus();
      const seen: EventMessage[] = [];
      await subscribe(second, subject, { durable, handler: (m) => void seen.push(m) });
      await eventually(() => expect(seen).toHaveLength(1), harness.redeliveryMs + 10_000);
      expect(seen[0]).toMatchObject({ messageId: 'crash-1', attempt: 2 });
    });

    it('loses nothing when the consumer process is killed with SIGKILL mid-message', async () => {
      const subject = unique('killed.v');
      const durable = unique('killed');
      const child = spawnConsumer(harness.config, subject, durable);
      try {
        await child.waitFor('ready');
        await bus.publish(subject, { v: 1 }, { messageId: 'killed-1' });
        await child.waitFor('received killed-1 1');
      } finally {
        child.process.kill('SIGKILL');
      }
      const seen: EventMessage[] = [];
      await subscribe(bus, subject, { durable, handler: (m) => void seen.push(m) });
      await eventually(() => expect(seen).toHaveLength(1), harness.redeliveryMs + 10_000);
      expect(seen[0]).toMatchObject({ messageId: 'killed-1', attempt: 2 });
    });

    it('reports itself healthy while connected and unhealthy once closed', async () => {
      const other = await newBus();
      await expect(other.isHealthy()).resolves.toBe(true);
      await other.close();
      await expect(other.isHealthy()).resolves.toBe(false);
    });
  });
}

function spawnConsumer(config: BusConfig, subject: string, durable: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, 'run-ts.js'), path.join(__dirname, 'consumer-child.ts')],
    { env: { ...process.env, CHILD_CONFIG: JSON.stringify({ bus: config, subject, durable }) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (errors += d));
  return {
    process: child,
    waitFor: (line: string) =>
      eventually(() => {
        if (child.exitCode !== null) throw new Error(`consumer process exited: ${errors}`);
        return output.split('\n').includes(line);
      }, 20_000).catch((error) => {
        throw new Error(`${error.message}; waiting for "${line}", got: ${output} ${errors}`);
      }),
  };
}

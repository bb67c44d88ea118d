import { openServiceDataSource, pendingSchemaChanges } from '@dsaas/persistence';
import { createTestDatabase, describeWithServices, TEST_NATS_URL, TestDatabase, uniqueStreamPrefix } from '@dsaas/testing';
import { DataSource } from 'typeorm';
import { EventBus, EventMessage } from '../src/event-bus.port';
import { JetStreamEventBus } from '../src/nats/jetstream-event-bus';
import { CreateOutboxTable1764000000000 } from '../src/outbox/create-outbox-table.migration';
import { OutboxMessageEntity } from '../src/outbox/outbox-message.entity';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { OutboxWriter } from '../src/outbox/outbox-writer';
import { PostgresEventBus } from '../src/postgres/postgres-event-bus';
import { eventually } from './event-bus.contract';

const SCHEMA = 'orders_service';

const openDataSource = (url: string) =>
  openServiceDataSource({
    url,
    schema: SCHEMA,
    entities: [OutboxMessageEntity],
    migrations: [CreateOutboxTable1764000000000],
    poolSize: 3,
  });

describeWithServices(['postgres', 'nats'], 'transactional outbox', () => {
  let database: TestDatabase;
  let dataSources: DataSource[];
  const writer = new OutboxWriter();

  beforeAll(async () => {
    database = await createTestDatabase('messaging_outbox');
    dataSources = [await openDataSource(database.url), await openDataSource(database.url)];
  });

  afterAll(async () => {
    await Promise.all(dataSources?.map((d) => d.destroy()) ?? []);
    await database?.drop();
  });

  it('has a migration that matches the entity', async () => {
    expect(await pendingSchemaChanges(dataSources[0])).toEqual([]);
  });

  describe.each([
    [
      'JetStream',
      async () => {
        const bus = await JetStreamEventBus.connect({ servers: TEST_NATS_URL, prefix: uniqueStreamPrefix('OUTBOX') });
        return { bus, cleanup: (): Promise<void> => bus.deleteStream() };
      },
    ],
    [
      'Postgres',
      async () => {
        const bus = await PostgresEventBus.connect({ url: database.url, schema: 'messaging', pollIntervalMs: 100 });
        return { bus, cleanup: async (): Promise<void> => undefined };
      },
    ],
  ])('relayed to the %s EventBus', (_name, openBus) => {
    let bus: EventBus;
    let cleanup: () => Promise<void>;
    let relays: OutboxRelay[] = [];
    const received: Array<EventMessage<{ n: number }>> = [];
    const subject = `orders.placed.v${Math.floor(Math.random() * 1e6)}`;

    beforeAll(async () => {
      ({ bus, cleanup } = await openBus());
      await bus.subscribe<{ n: number }>(subject, { durable: 'billing', handler: (m) => void received.push(m) });
    });

    afterEach(async () => {
      await Promise.all(relays.map((r) => r.stop()));
      relays = [];
    });

    afterAll(async () => {
      await bus?.close();
      await cleanup?.();
    });

    it('publishes nothing for a rolled-back transaction and each committed message exactly once with two relays', async () => {
      received.length = 0;
      await expect(
        dataSources[0].transaction(async (manager) => {
          await writer.enqueue(manager, subject, { n: -1 }, { key: 'order-x' });
          throw new Error('order rejected');
        }),
      ).rejects.toThrow('order rejected');
      for (let batch = 0; batch < 2; batch++) {
        await dataSources[0].transaction(async (manager) => {
          for (let i = 0; i < 10; i++) {
            const n = batch * 10 + i;
            await writer.enqueue(manager, { subject }, { n }, { key: `order-${n % 3}` });
          }
        });
      }
      relays = dataSources.map((d) => new OutboxRelay(d, bus, { pollIntervalMs: 50, batchSize: 4 }));
      await Promise.all(relays.map((r) => r.start()));

      await eventually(() => expect(received).toHaveLength(20));
      await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
      const numbers = received.map((m) => m.data.n);
      expect([...numbers].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
      for (const key of [0, 1, 2]) {
        const ofKey = numbers.filter((n) => n % 3 === key);
        expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
      }
      const [{ unsent }] = await dataSources[0].query(
        `SELECT count(*)::int AS unsent FROM "${SCHEMA}".outbox WHERE sent_at IS NULL`,
      );
      expect(unsent).toBe(0);
    });

    it('does not deliver twice when a relay dies between publishing and marking the row sent', async () => {
      received.length = 0;
      const relay = new OutboxRelay(dataSources[0], bus);
      const id = await dataSources[0].transaction((manager) => writer.enqueue(manager, subject, { n: 100 }));
      expect(await relay.relayOnce()).toBe(1);
      // As if the "mark sent" never committed: the row is claimable again.
      await dataSources[0].query(`UPDATE "${SCHEMA}".outbox SET sent_at = NULL WHERE id = $1`, [id]);
      expect(await relay.relayOnce()).toBe(1);
      await dataSources[0].transaction((manager) => writer.enqueue(manager, subject, { n: 101 }));
      expect(await relay.relayOnce()).toBe(1);

      await eventually(() => expect(received.map((m) => m.data.n)).toContain(101));
      expect(received.map((m) => m.data.n)).toEqual([100, 101]);
      expect(received[0].messageId).toBe(id);
    });
  });
});

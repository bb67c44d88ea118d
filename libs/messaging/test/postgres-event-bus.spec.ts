import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { PostgresEventBus } from '../src/postgres/postgres-event-bus';
import { eventually, runEventBusContract } from './event-bus.contract';

describeWithServices(['postgres'], 'PostgresEventBus', () => {
  runEventBusContract('PostgreSQL', async () => {
    const database = await createTestDatabase('messaging_bus');
    const options = {
      url: database.url,
      schema: 'messaging',
      leaseMs: 1000,
      pollIntervalMs: 100,
      closeGraceMs: 200,
      poolSize: 4,
    };
    return {
      config: { kind: 'postgres', options },
      redeliveryMs: options.leaseMs + options.pollIntervalMs,
      teardown: () => database.drop(),
    };
  });
});

describeWithServices(['postgres'], 'PostgresEventBus retention', () => {
  it('prunes settled old messages but keeps ones a consumer still has pending', async () => {
    const database = await createTestDatabase('messaging_prune');
    const bus = await PostgresEventBus.connect({ url: database.url, pollIntervalMs: 50, leaseMs: 1000 });
    try {
      const done: string[] = [];
      const sub = await bus.subscribe('audit.v1', { durable: 'auditor', handler: (m) => void done.push(m.messageId) });
      await bus.publish('audit.v1', {}, { messageId: 'settled' });
      await eventually(() => expect(done).toEqual(['settled']));
      await sub.close();
      await bus.publish('audit.v1', {}, { messageId: 'pending' });
      expect(await bus.prune(0)).toBe(1);
      const again = await bus.subscribe('audit.v1', { durable: 'auditor', handler: (m) => void done.push(m.messageId) });
      await eventually(() => expect(done).toEqual(['settled', 'pending']));
      await again.close();
    } finally {
      await bus.close();
      await database.drop();
    }
  });
});

import { createTestDatabase, describeWithServices } from '@dsaas/testing';
import { runEventBusContract } from './event-bus.contract';

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

import { describeWithServices, TEST_NATS_URL, uniqueStreamPrefix } from '@dsaas/testing';
import { JetStreamEventBus } from '../src/nats/jetstream-event-bus';
import { runEventBusContract } from './event-bus.contract';

describeWithServices(['nats'], 'JetStreamEventBus', () => {
  runEventBusContract('NATS JetStream', async () => {
    const options = {
      servers: TEST_NATS_URL,
      prefix: uniqueStreamPrefix('MSG'),
      ackWaitMs: 1000,
      closeGraceMs: 200,
      duplicateWindowMs: 60_000,
    };
    return {
      config: { kind: 'nats', options },
      redeliveryMs: options.ackWaitMs,
      teardown: async () => {
        const admin = await JetStreamEventBus.connect(options);
        await admin.deleteStream();
        await admin.close();
      },
    };
  });
});

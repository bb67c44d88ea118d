import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { INestMicroservice } from '@nestjs/common';
import { ValidationException } from '@dsaas/model';
import { describeWithServices, TEST_NATS_URL, uniqueStreamPrefix } from '@dsaas/testing';
import { lastValueFrom } from 'rxjs';
import { DeadLetter } from '../src/dead-letter';
import { EVENT_BUS, EventBus } from '../src/event-bus.port';
import { JetStreamEventBus } from '../src/nats/jetstream-event-bus';
import { EventBusExceptionFilter } from '../src/nest/event-bus-exception.filter';
import { EventBusHealthIndicator } from '../src/nest/event-bus.health';
import { JetStreamClient } from '../src/nest/jetstream.client';
import { JetStreamContext } from '../src/nest/jetstream.context';
import { JetStreamRecord } from '../src/nest/jetstream-record';
import { JetStreamServer } from '../src/nest/jetstream.server';
import { MessagingModule } from '../src/nest/messaging.module';
import { eventually } from './event-bus.contract';

// Stand-ins for contracts from @dsaas/contracts (this lib's tests do not depend on real ones).
const THING_CREATED_V1 = { subject: 'things.created.v1' };
const THING_TOTAL_V1 = { subject: 'things.total.v1' };

interface ThingCreated {
  id: number;
  failOnce?: boolean;
  invalid?: boolean;
}

const handled: Array<{ id: number; attempt: number; subject: string }> = [];
let failed = false;

@Controller()
class ThingsController {
  constructor(
    @Inject(EVENT_BUS) readonly bus: EventBus,
    readonly health: EventBusHealthIndicator,
  ) {}

  @EventPattern(THING_CREATED_V1.subject)
  onThingCreated(@Payload() thing: ThingCreated, @Ctx() context: JetStreamContext) {
    if (thing.invalid) throw new ValidationException('thing is invalid');
    if (thing.failOnce && !failed) {
      failed = true;
      throw new Error('database not reachable');
    }
    handled.push({ id: thing.id, attempt: context.getAttempt(), subject: context.getSubject() });
  }

  @MessagePattern(THING_TOTAL_V1.subject)
  total(@Payload() numbers: number[]) {
    return numbers.reduce((a, b) => a + b, 0);
  }
}

describeWithServices(['nats'], 'JetStreamServer (Nest microservice transport)', () => {
  const prefix = uniqueStreamPrefix('NEST');
  let bus: JetStreamEventBus;
  let app: INestMicroservice;
  let client: JetStreamClient;

  beforeAll(async () => {
    bus = await JetStreamEventBus.connect({ servers: TEST_NATS_URL, prefix, ackWaitMs: 2000 });

    @Module({
      imports: [MessagingModule.forRootAsync({ useFactory: () => bus })],
      controllers: [ThingsController],
    })
    class ThingsModule {}

    app = await NestFactory.createMicroservice(ThingsModule, {
      strategy: new JetStreamServer({ bus, durablePrefix: 'things-service', backoff: [100], maxDeliver: 3 }),
      logger: false,
    });
    app.useGlobalFilters(new EventBusExceptionFilter());
    await app.listen();
    client = new JetStreamClient({ bus, clientId: 'spec' });
  });

  afterAll(async () => {
    await client?.close();
    await app?.close(); // closes the bus through MessagingModule
    const admin = await JetStreamEventBus.connect({ servers: TEST_NATS_URL, prefix });
    await admin.deleteStream();
    await admin.close();
  });

  it('delivers emitted events to @EventPattern handlers, retrying a failed one', async () => {
    await lastValueFrom(client.emit(THING_CREATED_V1.subject, new JetStreamRecord({ id: 1, failOnce: true }, { key: 't' })));
    await client.publishEvent(THING_CREATED_V1, { id: 2 } as ThingCreated, { key: 't' });
    await eventually(() => expect(handled.map((h) => h.id)).toEqual([1, 2]));
    expect(handled[0]).toEqual({ id: 1, attempt: 2, subject: THING_CREATED_V1.subject });
  });

  it('dead-letters an event whose handler throws a non-retryable domain exception', async () => {
    const letters: DeadLetter[] = [];
    const dlq = await bus.subscribe<DeadLetter>(`dlq.${THING_CREATED_V1.subject}`, {
      durable: 'dlq-reader',
      handler: (m) => void letters.push(m.data),
    });
    await lastValueFrom(client.emit(THING_CREATED_V1.subject, { id: 3, invalid: true }));
    await eventually(() => expect(letters).toHaveLength(1));
    expect(letters[0]).toMatchObject({ data: { id: 3 }, attempts: 1, reason: expect.stringContaining('thing is invalid') });
    await dlq.close();
  });

  it('answers @MessagePattern requests sent by the client', async () => {
    await expect(lastValueFrom(client.send(THING_TOTAL_V1.subject, [1, 2, 3]))).resolves.toBe(6);
  });

  it('reports the bus as ready through the health indicator', async () => {
    const controller = app.get(ThingsController);
    await expect(controller.health.isHealthy()).resolves.toEqual({ eventBus: { status: 'up' } });
  });
});

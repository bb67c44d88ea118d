import { connect, NatsConnection } from 'nats';
import { describeWithServices, eventually, startSink, TEST_NATS_URL, uniqueStreamPrefix } from '@dsaas/testing';
import { DataPlaneTestEnv, SIGNALING, startDataPlaneTestEnv } from './support/data-plane-test-env';
import { edrOf, startMessage } from './support/flows';

describeWithServices(['postgres', 'nats'], 'streaming flows (NATS subject source)', () => {
  let env: DataPlaneTestEnv;
  let nats: NatsConnection;
  let cp: string;
  let publisher: NodeJS.Timeout | undefined;

  /** Publishes `tick-<n>` on the subject every 20 ms until stopped. */
  const publish = (subject: string) => {
    let n = 0;
    publisher = setInterval(() => nats.publish(subject, Buffer.from(`tick-${++n}`)), 20);
  };

  beforeAll(async () => {
    env = await startDataPlaneTestEnv('dp_stream');
    cp = await env.token({ role: 'provisioner', scopes: SIGNALING });
    nats = await connect({ servers: TEST_NATS_URL });
  }, 60_000);

  afterEach(() => clearInterval(publisher));

  afterAll(async () => {
    await nats?.close();
    await env?.stop();
  });

  it('delivers messages as server-sent events until the flow is terminated, then refuses the EDR', async () => {
    const subject = `${uniqueStreamPrefix('sse')}.sensor`;
    const answer = await env.signal('POST', '/start', cp, startMessage({ source: { type: 'NATS', subject } }));
    const edr = edrOf(answer.body.dataAddress);
    const response = await fetch(edr.endpoint, { headers: { authorization: `Bearer ${edr.token}` } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    publish(subject);
    const events: string[] = [];
    let terminated = false;
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      events.push(...[...decoder.decode(chunk).matchAll(/data: (tick-\d+)/g)].map((m) => m[1]));
      if (events.length >= 10 && !terminated) {
        terminated = true;
        expect((await env.signal('POST', `/${answer.body.dataFlowId}/terminate`, cp, { messageId: 'm' })).status).toBe(200);
      }
    }
    // The stream ended by itself once terminated (the for-await loop finished).
    expect(terminated).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(10);
    expect((await fetch(edr.endpoint, { headers: { authorization: `Bearer ${edr.token}` } })).status).toBe(403);
  }, 20_000);

  it('pushes each message to an HTTP sink until suspended, and again after resume, until terminated', async () => {
    const subject = `${uniqueStreamPrefix('push')}.sensor`;
    const sink = await startSink();
    try {
      const message = startMessage({ source: { type: 'NATS', subject }, push: { endpoint: `${sink.url}/events` } });
      const id = message.processId as string;
      expect((await env.signal('POST', '/start', cp, message)).body.state).toBe('STARTED');
      await new Promise((resolve) => setTimeout(resolve, 300));
      publish(subject);
      await eventually(async () => (sink.bodies.length >= 5 ? true : undefined), 'five messages delivered', 10_000);
      await env.signal('POST', `/${id}/suspend`, cp, { messageId: 'm1' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const whileSuspended = sink.bodies.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.bodies.length).toBe(whileSuspended);
      expect((await env.signal('POST', `/${id}/resume`, cp, { messageId: 'm2' })).body.state).toBe('STARTED');
      await eventually(async () => (sink.bodies.length >= whileSuspended + 5 ? true : undefined), 'delivery resumed', 10_000);
      await env.signal('POST', `/${id}/terminate`, cp, { messageId: 'm3' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const atEnd = sink.bodies.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.bodies.length).toBe(atEnd);
      expect(sink.bodies.every((body) => /^tick-\d+$/.test(body))).toBe(true);
    } finally {
      await sink.close();
    }
  }, 30_000);
});

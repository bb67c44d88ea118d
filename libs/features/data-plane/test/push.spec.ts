import { describeWithServices, deterministicContent, eventually, listen, sendContent, startSink, TestServer } from '@dsaas/testing';
import { DataPlaneTestEnv, SIGNALING, startDataPlaneTestEnv } from './support/data-plane-test-env';
import { startMessage } from './support/flows';

const SIZE = 100 * 1024 * 1024;

describeWithServices(['postgres', 'nats'], 'HTTP push to a destination', () => {
  let env: DataPlaneTestEnv;
  let source: TestServer;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let cp: string;
  const content = deterministicContent(SIZE);
  let brokenCalls = 0;

  const state = async (id: string) => (await env.signal('GET', `/${id}/status`, cp)).body.state as string;

  beforeAll(async () => {
    env = await startDataPlaneTestEnv('dp_push', { PUSH_MAX_ATTEMPTS: '2' });
    cp = await env.token({ role: 'provisioner', scopes: SIGNALING });
    source = await listen((request, response) => {
      if (request.url === '/big') return void sendContent(response, content, SIZE);
      // Sends a third of the body, then the connection dies: a truncated source.
      if (request.url === '/broken') return void (brokenCalls++, sendContent(response, content, SIZE, SIZE / 3));
      response.writeHead(404).end();
    });
    sink = await startSink();
  }, 60_000);

  afterAll(async () => {
    await source?.close();
    await sink?.close();
    await env?.stop();
  });

  it('delivers a 100 MB asset byte-identical to an HTTP sink, with the destination credential, and completes with the byte count', async () => {
    const message = startMessage({ source: { type: 'HttpData', baseUrl: `${source.url}/big` }, push: { endpoint: `${sink.url}/upload`, properties: { authorization: 'sink-token', authType: 'bearer' } } });
    const answer = await env.signal('POST', '/start', cp, message);
    expect(answer).toMatchObject({ status: 200, body: { dataFlowId: message.processId, state: 'STARTED' } });
    expect(answer.body.dataAddress).toBeUndefined();
    await eventually(async () => ((await state(message.processId as string)) === 'COMPLETED' ? true : undefined), 'push completed', 30_000);
    const upload = sink.uploads.find((u) => u.complete && u.bytes === SIZE)!;
    expect(upload).toMatchObject({ method: 'POST', bytes: SIZE, sha256: content.sha256 });
    expect(upload.headers.authorization).toBe('Bearer sink-token');
    // The destination (with its credential) is forgotten once the flow ended.
    expect((await env.secrets.list('acme')).filter((key) => key.startsWith('push-destination:'))).toEqual([]);
  }, 40_000);

  it('never completes a truncated body: retries, then ends the flow errored', async () => {
    const before = sink.uploads.length;
    const message = startMessage({ source: { type: 'HttpData', baseUrl: `${source.url}/broken` }, push: { endpoint: `${sink.url}/upload` } });
    expect((await env.signal('POST', '/start', cp, message)).status).toBe(200);
    await eventually(async () => ((await state(message.processId as string)) === 'TERMINATED' ? true : undefined), 'push errored', 30_000);
    expect(brokenCalls).toBe(2);
    const uploads = sink.uploads.slice(before);
    expect(uploads.filter((u) => u.complete && u.bytes === SIZE)).toEqual([]);
  }, 40_000);

  it('stops a running push on terminate (no completion afterwards)', async () => {
    const slowSource = await listen((_request, response) => {
      response.writeHead(200, { 'content-length': String(SIZE) });
      response.write(Buffer.alloc(1024));
      // ... and then nothing more for a long time.
    });
    try {
      const message = startMessage({ source: { type: 'HttpData', baseUrl: slowSource.url }, push: { endpoint: `${sink.url}/upload` } });
      await env.signal('POST', '/start', cp, message);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await env.signal('POST', `/${message.processId}/terminate`, cp, { messageId: 'm' })).body.state).toBe('TERMINATED');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await state(message.processId as string)).toBe('TERMINATED');
    } finally {
      await slowSource.close();
    }
  });
});

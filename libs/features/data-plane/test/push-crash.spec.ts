import { describeWithServices, deterministicContent, eventually, http, listen, sendContent, ServiceProcess, startServiceProcess, startSink, TestServer } from '@dsaas/testing';
import { AuthServerUnderTest, ISSUER, SIGNALING, startAuthServer } from './support/data-plane-test-env';
import { startMessage } from './support/flows';

const SIZE = 100 * 1024 * 1024;

/**
 * A data plane killed (SIGKILL) in the middle of a push: the flow stays unfinished in the database, a restarted
 * data plane takes it over once the dead runner's lease lapsed and pushes again from the start; the only complete
 * upload the sink ever sees is the whole, byte-identical body, and the flow is never COMPLETED before that.
 */
describeWithServices(['postgres', 'nats'], 'push survives a data plane crash', () => {
  let auth: AuthServerUnderTest;
  let source: TestServer;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;
  const content = deterministicContent(SIZE);

  beforeAll(async () => {
    auth = await startAuthServer('dp_crash');
    // A slow source (~30 MB/s), so the push is still running when the data plane dies.
    source = await listen((_request, response) => void sendContent(response, content, SIZE, undefined, 30));
    sink = await startSink();
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await first?.kill();
    await first?.database.drop().catch(() => undefined);
    await source?.close();
    await sink?.close();
    await auth?.auth.stop();
  });

  it('is resumed after the restart and completes byte-identical, never with a truncated body', async () => {
    const env = { AUTH_ISSUER_URL: ISSUER, AUTH_JWKS_URL: `${auth.auth.url}/.well-known/jwks.json`, PUSH_RETRY_DELAY_MS: '100' };
    first = await startServiceProcess('data-plane', 'dp_crash', env);
    const cp = await auth.token({ role: 'provisioner', scopes: SIGNALING });
    const message = startMessage({ source: { type: 'HttpData', baseUrl: `${source.url}/big` }, push: { endpoint: `${sink.url}/upload` } });
    const id = message.processId as string;
    expect((await http(`${first.url}/api/signaling/v1/dataflows/start`, 'POST', { token: cp, body: message })).status).toBe(200);

    // Kill it mid-push.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await first.kill();
    expect(sink.uploads.filter((u) => u.complete)).toEqual([]);

    second = await startServiceProcess('data-plane', 'dp_crash', env, { database: first.database });
    const status = async () => (await http(`${second!.url}/api/signaling/v1/dataflows/${id}/status`, 'GET', { token: cp })).body.state as string;
    expect(await status()).toBe('STARTED');
    await eventually(async () => ((await status()) === 'COMPLETED' ? true : undefined), 'push completed after restart', 40_000, 200);
    const complete = sink.uploads.filter((u) => u.complete);
    expect(complete).toHaveLength(1);
    expect(complete[0]).toMatchObject({ bytes: SIZE, sha256: content.sha256 });
    expect(sink.uploads.some((u) => !u.complete && u.bytes < SIZE)).toBe(true);
  }, 58_000);
});

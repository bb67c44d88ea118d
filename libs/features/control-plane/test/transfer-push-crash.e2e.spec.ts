import {
  deterministicContent,
  describeWithServices,
  eventually,
  listen,
  Participant,
  ReceivedUpload,
  sendContent,
  ServiceProcess,
  startServiceProcess,
  startSink,
  TestServer,
} from '@dsaas/testing';
import { dataPlaneEnv, startTransferTestEnv, TransferTestEnv } from './support/transfer-test-env';

const SIZE = 128 * 1024 * 1024;
/** Bytes the sink must have received before the data plane is killed: the push is well under way, far from done. */
const KILL_AFTER = 24 * 1024 * 1024;
const FINAL_STATES = ['COMPLETED', 'TERMINATED'];

/**
 * The provider's data plane, run as its own process, is SIGKILLed in the middle of an HttpData-PUSH negotiated and
 * started through the control plane, then restarted on the same database at the URL it is registered with. The
 * control plane's transfer (consumer and provider side, as the management API shows it) ends COMPLETED only with the
 * whole body at the sink (the restarted data plane takes the flow over and pushes again), or TERMINATED (errored) –
 * never COMPLETED while the sink holds only a truncated body.
 */
describeWithServices(['postgres', 'nats'], 'push through the control plane survives a data plane crash', () => {
  const content = deterministicContent(SIZE);
  let env: TransferTestEnv;
  let source: TestServer;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;
  let consumer: Participant;
  let provider: Participant;
  let agreementId: string;

  const whole = (upload: ReceivedUpload) => upload.complete && upload.bytes === SIZE && upload.sha256 === content.sha256;
  const completeUploads = () => sink.uploads.filter((upload) => upload.complete);
  const sides = async (consumerPid: string) => {
    const consumerSide = (await env.fixture.management(consumer, 'GET', `transferprocesses/${consumerPid}`)).body;
    return { consumer: consumerSide?.state as string | undefined, provider: (await env.providerTransfer(provider, consumerPid))?.state as string | undefined };
  };

  beforeAll(async () => {
    // A slow source (~30 MB/s): the push is still running when the data plane dies.
    source = await listen((_request, response) => void sendContent(response, content, SIZE, undefined, 30));
    sink = await startSink();
    env = await startTransferTestEnv('transfer_push_crash');
    consumer = await env.participant('consumer');
    provider = await env.participant('provider');
    first = await startServiceProcess('data-plane', 'transfer_push_crash_dp', { ...(await dataPlaneEnv(env)), PUSH_RETRY_DELAY_MS: '100' });
    await env.registerDataPlane(provider, first.url);
    agreementId = await env.agreement(consumer, provider, 'asset-big', { baseUrl: `${source.url}/big`, negotiate: true });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await first?.kill();
    await first?.database.drop().catch(() => undefined);
    await env?.stop();
    await source?.close();
    await sink?.close();
  });

  it('is COMPLETED on both sides only with the whole body at the sink (or TERMINATED), never with a truncated one', async () => {
    const id = await env.fixture.startTransfer(consumer, provider, agreementId, 'HttpData-PUSH', { type: 'HttpData', baseUrl: `${sink.url}/upload` });
    await eventually(async () => (sink.receivedBytes() >= KILL_AFTER ? true : undefined), 'push under way', 20_000, 20);

    await first!.kill();
    const killedAt = Date.now();
    const bytesAtKill = sink.receivedBytes();
    expect(completeUploads()).toEqual([]);
    expect(FINAL_STATES).not.toContain((await sides(id)).consumer);

    // The same data plane again: same database, same port, so the URL the control plane has registered stays true.
    second = await startServiceProcess('data-plane', 'transfer_push_crash_dp', first!.env, { database: first!.database, port: Number(first!.env.PORT) });
    const restartedAt = Date.now();

    // Every look at the control plane: a COMPLETED side needs the whole body at the sink already.
    const completedEarly: string[] = [];
    const final = await eventually(
      async () => {
        const states = await sides(id);
        for (const [side, state] of Object.entries(states)) {
          if (state === 'COMPLETED' && !sink.uploads.some(whole)) completedEarly.push(`${side} COMPLETED with ${JSON.stringify(completeUploads())}`);
        }
        return FINAL_STATES.includes(states.consumer ?? '') && FINAL_STATES.includes(states.provider ?? '') ? states : undefined;
      },
      'transfer final on both sides',
      45_000,
      100,
    );
    const finishedAt = Date.now();

    expect(completedEarly).toEqual([]);
    expect(final.provider).toBe(final.consumer);
    // Whatever the outcome, nothing but the whole body was ever accepted as a complete upload…
    expect(completeUploads().every(whole)).toBe(true);
    if (final.consumer === 'COMPLETED') expect(completeUploads()).toHaveLength(1);
    // …and the killed attempt really left a truncated upload behind.
    expect(sink.uploads.some((upload) => !upload.complete && upload.bytes < SIZE)).toBe(true);
    console.log(
      `push crash: ${bytesAtKill} of ${SIZE} bytes at the sink when killed; restart took ${restartedAt - killedAt} ms; ` +
        `${final.consumer} on both sides ${finishedAt - killedAt} ms after the kill`,
    );
  }, 58_000);
});

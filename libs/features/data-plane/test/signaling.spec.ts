import { readFileSync } from 'fs';
import { join } from 'path';
import { describeWithServices } from '@dsaas/testing';
import { DataPlaneTestEnv, SIGNALING, startDataPlaneTestEnv } from './support/data-plane-test-env';
import { startMessage } from './support/flows';

const SIGNALING_MD = '/work/shared/specs/dps/examples/signaling-md';
const SOURCE = { type: 'HttpData', baseUrl: 'http://127.0.0.1:9/unused' };

function specExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SIGNALING_MD, `${name}.json`), 'utf8'));
}

/** DPS signaling API: auth (roles, scopes, owning context), bad input changing nothing, idempotence, state rules. */
describeWithServices(['postgres', 'nats'], 'DPS signaling API of the data plane', () => {
  let env: DataPlaneTestEnv;
  let cp: string;
  let acme: string;
  let bravo: string;
  let readOnly: string;
  let wrongScope: string;

  beforeAll(async () => {
    env = await startDataPlaneTestEnv('dp_signaling');
    cp = await env.token({ role: 'provisioner', scopes: SIGNALING });
    acme = await env.token({ role: 'participant', participantContextId: 'acme', scopes: SIGNALING });
    bravo = await env.token({ role: 'participant', participantContextId: 'bravo', scopes: SIGNALING });
    readOnly = await env.token({ role: 'provisioner', scopes: ['signaling-api:read'] });
    wrongScope = await env.token({ role: 'provisioner', scopes: ['management-api:write'] });
  }, 60_000);

  afterAll(() => env?.stop());

  it('needs a token (401) with signaling-api:write (403) to start; status needs signaling-api:read; nothing is created on refusal', async () => {
    const message = startMessage({ source: SOURCE });
    expect((await env.signal('POST', '/start', undefined, message)).status).toBe(401);
    for (const token of [wrongScope, readOnly]) {
      const refused = await env.signal('POST', '/start', token, message);
      expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    }
    expect((await env.signal('GET', `/${message.processId}/status`, cp)).status).toBe(404);
    expect((await env.signal('POST', '/start', cp, message)).status).toBe(200);
    expect((await env.signal('GET', `/${message.processId}/status`, readOnly)).body).toEqual({ dataFlowId: message.processId, state: 'STARTED' });
    expect((await env.signal('GET', `/${message.processId}/status`, wrongScope)).status).toBe(403);
  });

  it('lets a participant signal flows of its own context only; another context answers 404 like a missing flow', async () => {
    const own = startMessage({ source: SOURCE, context: 'acme' });
    expect((await env.signal('POST', '/start', acme, own)).status).toBe(200);
    const foreign = startMessage({ source: SOURCE, context: 'acme' });
    expect((await env.signal('POST', '/start', bravo, foreign)).status).toBe(403);
    expect((await env.signal('GET', `/${foreign.processId}/status`, cp)).status).toBe(404);
    for (const [method, path, body] of [
      ['GET', `/${own.processId}/status`, undefined],
      ['POST', `/${own.processId}/suspend`, { messageId: 'm' }],
      ['POST', `/${own.processId}/terminate`, { messageId: 'm' }],
      ['POST', `/${own.processId}/completed`, undefined],
    ] as const) {
      const answer = await env.signal(method, path, bravo, body);
      expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 404, body: { code: 'not_found' } });
      expect(answer.body.detail).toBe((await env.signal('GET', '/no-such-flow/status', bravo)).body.detail.replace('no-such-flow', String(own.processId)));
    }
    expect((await env.signal('GET', `/${own.processId}/status`, acme)).body.state).toBe('STARTED');
    // A start repeated by another context does not take the flow over.
    expect((await env.signal('POST', '/start', bravo, { ...own, metadata: { participantContextId: 'bravo', sourceDataAddress: SOURCE } })).status).toBe(404);
  });

  it('answers 400 with the reason for malformed JSON, schema violations and unusable data addresses, and changes nothing', async () => {
    const raw = await fetch(`${env.dp.url}/api/signaling/v1/dataflows/start`, { method: 'POST', headers: { authorization: `Bearer ${cp}`, 'content-type': 'application/json' }, body: '{"processId": ' });
    expect(raw.status).toBe(400);
    const cases: [string, Record<string, unknown>][] = [
      ['missing processId', (({ processId: _p, ...rest }) => rest)(startMessage({ source: SOURCE }))],
      ['claims not an object', { ...startMessage({ source: SOURCE }), claims: 'x' }],
      ['unknown source type', startMessage({ source: { type: 'AmazonS3', bucket: 'b' } })],
      ['credential in clear', startMessage({ source: { ...SOURCE, authKey: 'X-Key', authCode: 'secret!' } })],
      ['push without destination', { ...startMessage({ source: SOURCE }), transferType: 'HttpData-PUSH' }],
      ['bad callback address', { ...startMessage({ source: SOURCE }), callbackAddress: 'ftp://x' }],
      ['admin without context', { ...startMessage({ source: SOURCE }), metadata: { sourceDataAddress: SOURCE } }],
    ];
    for (const [what, body] of cases) {
      const answer = await env.signal('POST', '/start', cp, body);
      expect({ what, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ what, status: 400, type: expect.stringContaining('application/problem+json') });
      if (typeof body.processId === 'string') expect((await env.signal('GET', `/${body.processId}/status`, cp)).status).toBe(404);
    }
    expect(JSON.stringify((await env.signal('POST', '/start', cp, cases[3][1])).body)).not.toContain('secret!');
    const flow = startMessage({ source: SOURCE });
    await env.signal('POST', '/start', cp, flow);
    expect((await env.signal('POST', `/${flow.processId}/suspend`, cp, { reason: 'no messageId' })).status).toBe(400);
    expect((await env.signal('GET', `/${flow.processId}/status`, cp)).body.state).toBe('STARTED');
  });

  it('is idempotent on the flow id and applies the DPS state rules', async () => {
    const message = startMessage({ source: SOURCE });
    const id = message.processId as string;
    const first = await env.signal('POST', '/start', cp, message);
    const second = await env.signal('POST', '/start', cp, { ...message, messageId: 'again' });
    expect(second.status).toBe(200);
    expect(second.body.dataAddress.endpoint).toBe(first.body.dataAddress.endpoint);
    expect((await env.signal('POST', `/${id}/resume`, cp, { messageId: 'm' })).body.state).toBe('STARTED');
    expect((await env.signal('POST', `/${id}/suspend`, cp, { messageId: 'm' })).body.state).toBe('SUSPENDED');
    expect((await env.signal('POST', `/${id}/suspend`, cp, { messageId: 'm' })).body.state).toBe('SUSPENDED');
    expect((await env.signal('POST', `/${id}/terminate`, cp, { messageId: 'm' })).body.state).toBe('TERMINATED');
    expect((await env.signal('POST', `/${id}/terminate`, cp, { messageId: 'm' })).body.state).toBe('TERMINATED');
    expect((await env.signal('POST', `/${id}/resume`, cp, { messageId: 'm' })).status).toBe(409);
    expect((await env.signal('POST', '/start', cp, message)).status).toBe(409);
    expect((await env.signal('POST', `/${id}/completed`, cp)).body.state).toBe('TERMINATED');

    const done = startMessage({ source: SOURCE });
    await env.signal('POST', '/start', cp, done);
    expect((await env.signal('POST', `/${done.processId}/completed`, cp)).body.state).toBe('COMPLETED');
    expect((await env.signal('GET', `/${done.processId}/status`, cp)).body.state).toBe('COMPLETED');
  });

  it("takes the spec's own prepare and started examples (consumer side), data addresses without @type included", async () => {
    const prepare = { ...specExample('DataFlowPrepareMessage'), processId: 'spec-flow-1' };
    const prepared = await env.signal('POST', '/prepare', acme, prepare);
    expect(prepared).toMatchObject({ status: 200, body: { dataFlowId: 'spec-flow-1', state: 'PREPARED' } });
    const started = await env.signal('POST', '/spec-flow-1/started', acme, specExample('DataFlowStartedNotificationMessage'));
    expect(started).toMatchObject({ status: 200, body: { state: 'STARTED' } });
    expect((await env.signal('GET', '/spec-flow-1/status', acme)).body).toEqual({ dataFlowId: 'spec-flow-1', state: 'STARTED' });
  });
});

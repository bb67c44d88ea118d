import { DSP_CONTEXT_URL, dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices } from '@dsaas/testing';
import { call, DspTestEnv, MGMT, startDspTestEnv } from './support/dsp-test-env';

type ErrorType = 'CatalogError' | 'ContractNegotiationError' | 'TransferError';

const MALFORMED = '{"@context": ["https://w3id.org/dspace/2025/1/context.jsonld"], "@type": ';

/** DSP routes answer bodies the shared body parser refuses with the protocol's error message, never problem+json. */
describeWithServices(['postgres', 'nats'], 'DSP bad bodies', () => {
  let env: DspTestEnv;
  const dsp = (suffix: string) => `/api/dsp/provider/2025-1/${suffix}`;

  const send = async (path: string, body: string, contentType = 'application/json') => {
    const response = await fetch(`${env.cp.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (await response.json()) as any };
  };

  const expectProtocolError = (answer: { status: number; contentType: string; body: any }, type: ErrorType, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ '@context': [DSP_CONTEXT_URL], '@type': type, code: expect.any(String), reason: [expect.any(String)] });
    expect(dspValidator.validate(type, answer.body)).toEqual({ valid: true, errors: [] });
  };

  const stored = async (kind: 'contractnegotiations' | 'transferprocesses') => {
    const answer = await call(env.cp.url, 'POST', `${MGMT}/participants/provider/${kind}/request`, { token: env.admin });
    expect(answer.status).toBe(200);
    return answer.body as unknown[];
  };

  beforeAll(async () => {
    env = await startDspTestEnv('dsp_bad_bodies', { MAX_BODY_SIZE: '16kb' });
    await env.createContext('provider');
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('answers malformed JSON on the catalog protocol with 400 and a schema-valid CatalogError', async () => {
    for (const path of [dsp('catalog/request'), dsp('catalog/request?limit=5')]) {
      const answer = await send(path, MALFORMED);
      expectProtocolError(answer, 'CatalogError', 400);
      expect(answer.body.code).toBe('malformed_body');
    }
  });

  it('answers malformed JSON on the negotiation protocol with 400 and a schema-valid ContractNegotiationError, and stores nothing', async () => {
    for (const suffix of ['negotiations/request', 'negotiations/offers', 'negotiations/some-pid/agreement/verification', 'negotiations/some-pid/termination']) {
      const answer = await send(dsp(suffix), MALFORMED);
      expectProtocolError(answer, 'ContractNegotiationError', 400);
      // No body and no route yet: the pids are unknown, as for any error about an unknown process.
      expect(answer.body).toMatchObject({ providerPid: '', consumerPid: '' });
    }
    expect(await stored('contractnegotiations')).toEqual([]);
  });

  it('answers malformed JSON on the transfer protocol with 400 and a schema-valid TransferError, and stores nothing', async () => {
    for (const suffix of ['transfers/request', 'transfers/some-pid/start', 'transfers/some-pid/completion', 'transfers/some-pid/termination']) {
      expectProtocolError(await send(dsp(suffix), MALFORMED), 'TransferError', 400);
    }
    expect(await stored('transferprocesses')).toEqual([]);
  });

  it('answers a too large body with 413 and an unsupported charset with 415, in the protocol error message', async () => {
    const huge = JSON.stringify({ '@context': [DSP_CONTEXT_URL], '@type': 'TransferRequestMessage', blob: 'x'.repeat(20_000) });
    expectProtocolError(await send(dsp('transfers/request'), huge), 'TransferError', 413);
    expectProtocolError(await send(dsp('negotiations/request'), '{}', 'application/json; charset=latin1'), 'ContractNegotiationError', 415);
    expectProtocolError(await send(dsp('catalog/request'), '{}', 'application/ld+json; charset=latin1'), 'CatalogError', 415);
    expect(await stored('contractnegotiations')).toEqual([]);
    expect(await stored('transferprocesses')).toEqual([]);
  });

  it('answers a body of another content type with a protocol error too (it reaches the route, unparsed)', async () => {
    const answer = await send(dsp('catalog/request'), '{"@type": "CatalogRequestMessage"}', 'text/plain');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expectProtocolError(answer, 'CatalogError', answer.status);
  });

  it('keeps the problem+json body for the management API', async () => {
    const answer = await send(`${MGMT}/participants/provider/assets`, MALFORMED);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 400, code: 'malformed_body', instance: `${MGMT}/participants/provider/assets` });
  });
});

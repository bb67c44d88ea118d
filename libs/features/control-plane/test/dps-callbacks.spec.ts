import { readFileSync } from 'fs';
import { join } from 'path';
import { describeWithServices } from '@dsaas/testing';
import { DataAddressSecrets } from '../src/transfer/data-address-secrets';
import { TransferProcessRepository } from '../src/transfer/transfer-process.repository';
import { TransferState } from '../src/transfer/transfer-state';
import { ControlPlaneTestEnv, MGMT_CONTEXT, startControlPlaneTestEnv } from './support/control-plane-test-env';

const SIGNALING = ['signaling-api:write'];
const DPS_EXAMPLES = '/work/shared/specs/dps/examples/openapi';
const EDR = {
  '@type': 'DataAddress',
  endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
  endpoint: 'https://dp.example.com/api/public',
  endpointProperties: [
    { '@type': 'EndpointProperty', name: 'authorization', value: 'secret-edr-token' },
    { '@type': 'EndpointProperty', name: 'authType', value: 'bearer' },
  ],
};

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DPS_EXAMPLES, `control-plane__post_transfers_transferId_dataflow_${name}__request.json`), 'utf8'));
}

/** DPS callbacks of a provider's data plane: auth (roles, scope, owning context), bad input, state rules, idempotence. */
describeWithServices(['postgres', 'nats'], 'DPS control-plane callbacks', () => {
  let env: ControlPlaneTestEnv;
  let repository: TransferProcessRepository;
  let edgeA: string;
  let edgeB: string;
  let admin: string;
  let noScope: string;
  let counter = 0;

  const callback = (id: string, event: string, body: unknown, token?: string) => env.call('POST', `/api/signaling/v1/transfers/${id}/dataflow/${event}`, { token, body });

  /** A provider process of context `ctx` in `state` (as the worker leaves it after a DPS start). */
  async function seed(ctx: string, state: TransferState, transferType = 'HttpData-PULL'): Promise<string> {
    const id = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
    await repository.insert({
      participantContextId: ctx,
      id,
      role: 'PROVIDER',
      state,
      consumerPid: `urn:uuid:consumer-${counter}`,
      providerPid: id,
      agreementId: 'agreement-1',
      assetId: 'asset-1',
      counterPartyId: 'did:web:consumer.example.com',
      counterPartyAddress: 'https://consumer.example.com/api/dsp/c/2025-1',
      transferType,
      dataPlaneId: 'dp-1',
      callbackAddresses: [],
      privateProperties: {},
    });
    return id;
  }

  beforeAll(async () => {
    env = await startControlPlaneTestEnv('dps_callbacks');
    repository = env.cp.app.get(TransferProcessRepository);
    const operator = await env.token({ role: 'admin', scopes: ['management-api:write'] });
    for (const ctx of ['provider-a', 'provider-b']) {
      const created = await env.call('POST', '/api/mgmt/v4alpha/participants', { token: operator, body: { '@context': MGMT_CONTEXT, '@id': ctx, identity: `did:web:example.com:${ctx}`, properties: {} } });
      expect(created.status).toBe(200);
    }
    edgeA = await env.token({ role: 'participant', participantContextId: 'provider-a', scopes: SIGNALING });
    edgeB = await env.token({ role: 'participant', participantContextId: 'provider-b', scopes: SIGNALING });
    admin = await env.token({ role: 'provisioner', scopes: SIGNALING });
    noScope = await env.token({ role: 'provisioner', scopes: ['management-api:write'] });
  }, 60_000);

  afterAll(() => env?.stop());

  it('moves a STARTUP_REQUESTED process to STARTING with the EDR, keeping the token in the SecretStore only; a repeat changes nothing', async () => {
    const id = await seed('provider-a', TransferState.STARTUP_REQUESTED);
    const answer = await callback(id, 'started', { messageId: 'm-1', dataFlowId: id, state: 'STARTED', dataAddress: EDR }, edgeA);
    expect(answer.status).toBe(200);
    const process = (await repository.find('provider-a', id))!;
    expect(process).toMatchObject({ state: 'STARTING', dataFlowState: 'STARTED' });
    expect(JSON.stringify(process.contentDataAddress)).not.toContain('secret-edr-token');
    expect(await env.cp.app.get(DataAddressSecrets).get('provider-a', id, 'edr')).toEqual(EDR);

    expect((await callback(id, 'started', { messageId: 'm-2', dataFlowId: id, state: 'STARTED', dataAddress: EDR }, edgeA)).status).toBe(200);
    expect((await repository.find('provider-a', id))!.updatedAt).toEqual(process.updatedAt);
  });

  it('accepts the data plane\'s EDR in the DPS examples\' form (no @type) and the spec examples without dataFlowId', async () => {
    const id = await seed('provider-a', TransferState.STARTUP_REQUESTED);
    const { '@type': _t, endpointProperties, ...bare } = EDR;
    const untyped = { ...bare, endpointProperties: endpointProperties.map(({ name, value }) => ({ name, value })) };
    expect((await callback(id, 'started', { ...example('started'), dataAddress: untyped }, admin)).status).toBe(200);
    expect((await repository.find('provider-a', id))!.state).toBe('STARTING');
    const push = await seed('provider-a', TransferState.STARTED, 'HttpData-PUSH');
    expect((await callback(push, 'completed', example('completed'), admin)).status).toBe(200);
    expect((await repository.find('provider-a', push))!).toMatchObject({ state: 'COMPLETING', dataFlowState: 'COMPLETED' });
  });

  it('notes a push completed before the consumer was sent its start (STARTING): the completion follows the start', async () => {
    const id = await seed('provider-a', TransferState.STARTING, 'HttpData-PUSH');
    expect((await callback(id, 'completed', example('completed'), edgeA)).status).toBe(200);
    expect((await repository.find('provider-a', id))!).toMatchObject({ state: 'STARTING', dataFlowState: 'COMPLETED' });
    const again = await callback(id, 'completed', example('completed'), edgeA);
    expect(again.status).toBe(200);
  });

  it('terminates towards the consumer on errored, with the error as reason; a repeat answers the same', async () => {
    const id = await seed('provider-a', TransferState.STARTED);
    expect((await callback(id, 'errored', example('errored'), edgeA)).status).toBe(200);
    expect((await repository.find('provider-a', id))!).toMatchObject({ state: 'TERMINATING', dataFlowState: 'TERMINATED', reason: 'data plane error: Unrecoverable wire protocol error' });
    expect((await callback(id, 'errored', example('errored'), edgeA)).status).toBe(200);
  });

  it('answers 409 for a callback the state does not allow, and for prepared (never requested); nothing changes', async () => {
    const id = await seed('provider-a', TransferState.REQUESTED);
    const completed = await callback(id, 'completed', example('completed'), edgeA);
    expect(completed.status).toBe(409);
    expect(completed.body).toMatchObject({ code: 'invalid_transfer_state', status: 409 });
    expect((await callback(id, 'prepared', example('prepared'), edgeA)).status).toBe(409);
    expect((await repository.find('provider-a', id))!.state).toBe('REQUESTED');
  });

  it('refuses bad bodies with 400 and changes nothing', async () => {
    const id = await seed('provider-a', TransferState.STARTUP_REQUESTED);
    const cases: unknown[] = [
      { messageId: 'm', state: 'BOGUS' },
      { state: 'STARTED' },
      { messageId: 'm', dataFlowId: 'another-flow', state: 'STARTED', dataAddress: EDR },
      { messageId: 'm', state: 'STARTED' },
      [EDR],
    ];
    for (const body of cases) {
      const answer = await callback(id, 'started', body, edgeA);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
    const malformed = await env.call('POST', `/api/signaling/v1/transfers/${id}/dataflow/started`, { token: edgeA, raw: '{"messageId":', contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    expect((await repository.find('provider-a', id))!.state).toBe('STARTUP_REQUESTED');
  });

  it('needs a token (401) with signaling-api:write (403); another context\'s data plane gets the 404 of a missing transfer', async () => {
    const id = await seed('provider-a', TransferState.STARTUP_REQUESTED);
    const body = { messageId: 'm', state: 'STARTED', dataAddress: EDR };
    expect((await callback(id, 'started', body)).status).toBe(401);
    expect((await callback(id, 'started', body, noScope)).status).toBe(403);
    const foreign = await callback(id, 'started', body, edgeB);
    const missing = await callback('00000000-0000-4000-8000-999999999999', 'started', body, edgeB);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...foreign.body, instance: undefined, detail: undefined }).toEqual({ ...missing.body, instance: undefined, detail: undefined });
    expect((await repository.find('provider-a', id))!.state).toBe('STARTUP_REQUESTED');
  });
});

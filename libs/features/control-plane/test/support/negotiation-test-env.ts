import { call, CallResult, DspTestEnv, MGMT, MGMT_CONTEXT } from './dsp-test-env';

/** Management POST under a context with the admin token. */
export function mgmtPost(env: DspTestEnv, ctx: string, path: string, body?: unknown): Promise<CallResult> {
  return call(env.cp.url, 'POST', `${MGMT}/participants/${ctx}/${path}`, { token: env.admin, body: body === undefined ? undefined : { '@context': MGMT_CONTEXT, ...(body as object) } });
}

export function mgmtGet(env: DspTestEnv, ctx: string, path: string): Promise<CallResult> {
  return call(env.cp.url, 'GET', `${MGMT}/participants/${ctx}/${path}`, { token: env.admin });
}

/** A provider context offering `assetIds` under a contract definition with `contractPolicy` (access: open). */
export async function publishOffer(env: DspTestEnv, ctx: string, id: string, assetIds: string[], contractPolicy: unknown = { '@type': 'Set', permission: [] }): Promise<void> {
  for (const assetId of assetIds) {
    const asset = await mgmtPost(env, ctx, 'assets', { '@id': assetId, properties: { name: assetId }, dataAddress: { type: 'HttpData', baseUrl: `https://data.example.com/${assetId}` } });
    if (asset.status !== 200) throw new Error(`asset: ${asset.status} ${JSON.stringify(asset.body)}`);
  }
  for (const [policyId, policy] of [[`${id}-access`, { '@type': 'Set', permission: [] }], [`${id}-contract`, contractPolicy]] as const) {
    const created = await mgmtPost(env, ctx, 'policydefinitions', { '@id': policyId, policy });
    if (created.status !== 200) throw new Error(`policy: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const definition = await mgmtPost(env, ctx, 'contractdefinitions', {
    '@id': id,
    accessPolicyId: `${id}-access`,
    contractPolicyId: `${id}-contract`,
    assetsSelector: [{ operandLeft: 'id', operator: 'in', operandRight: assetIds }],
  });
  if (definition.status !== 200) throw new Error(`contract definition: ${definition.status} ${JSON.stringify(definition.body)}`);
  const plane = await mgmtPost(env, ctx, 'dataplanes', { '@id': `${id}-dp`, url: 'http://127.0.0.1:1/api/signaling/v1/dataflows', allowedSourceTypes: ['HttpData'], allowedTransferTypes: ['HttpData-PULL'] });
  if (plane.status !== 200) throw new Error(`data plane: ${plane.status} ${JSON.stringify(plane.body)}`);
}

export const dspBase = (env: DspTestEnv, ctx: string) => `${env.cp.url}/api/dsp/${ctx}/2025-1`;

/** The offers of `assetId` in the provider's catalog, as the consumer context gets them over DSP. */
export async function catalogOffers(env: DspTestEnv, consumer: string, provider: string, providerDid: string, assetId: string): Promise<any[]> {
  const catalog = await mgmtPost(env, consumer, 'catalog/request', { counterPartyAddress: dspBase(env, provider), counterPartyId: providerDid, protocol: 'http-dsp-profile-2025-1' });
  if (catalog.status !== 200) throw new Error(`catalog: ${catalog.status} ${JSON.stringify(catalog.body)}`);
  const dataset = catalog.body.dataset.find((d: any) => d['@id'] === assetId);
  if (!dataset) throw new Error(`no dataset ${assetId}`);
  return dataset.hasPolicy;
}

/** Starts a negotiation from the consumer context (EDC ContractRequest); answers the negotiation id. */
export async function startNegotiation(env: DspTestEnv, consumer: string, provider: string, providerDid: string, offer: any, assetId: string, extra: object = {}): Promise<string> {
  const started = await mgmtPost(env, consumer, 'contractnegotiations', {
    '@type': 'ContractRequest',
    protocol: 'http-dsp-profile-2025-1',
    counterPartyAddress: dspBase(env, provider),
    policy: { ...offer, assigner: providerDid, target: assetId },
    ...extra,
  });
  if (started.status !== 200) throw new Error(`negotiation: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body['@id'];
}

/** Polls the management state until it is `state` (or a final state that is not it: then it fails). */
export async function waitForNegotiationState(env: DspTestEnv, ctx: string, id: string, state: string, timeoutMs = 15_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  for (;;) {
    last = (await mgmtGet(env, ctx, `contractnegotiations/${encodeURIComponent(id)}`)).body;
    if (last?.state === state) return last;
    if (['FINALIZED', 'TERMINATED'].includes(last?.state)) throw new Error(`negotiation ${id} ended ${last.state} (${last.errorDetail ?? last.reason ?? ''}), expected ${state}`);
    if (Date.now() > deadline) throw new Error(`negotiation ${id} is ${last?.state}, expected ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `predicate` holds for the provider-side negotiation whose consumerPid is `consumerPid`. */
export async function providerNegotiation(env: DspTestEnv, provider: string, consumerPid: string): Promise<any> {
  const found = await mgmtPost(env, provider, 'contractnegotiations/request', { filterExpression: [{ operandLeft: 'correlationId', operator: '=', operandRight: consumerPid }] });
  return found.body?.[0];
}

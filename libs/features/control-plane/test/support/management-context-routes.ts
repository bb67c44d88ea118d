import { MGMT_CONTEXT } from './control-plane-test-env';

/** Bodies of the resources the isolation matrix seeds in both contexts (ids `res-*`). */
export const ASSET = { '@context': MGMT_CONTEXT, '@id': 'res-asset', properties: { name: 'x' }, dataAddress: { type: 'HttpData', baseUrl: 'https://data.example.com/x' } };
export const POLICY = { '@context': MGMT_CONTEXT, '@id': 'res-policy', policy: { '@type': 'Set', permission: [{ action: 'use' }] } };
export const CONTRACT = { '@context': MGMT_CONTEXT, '@id': 'res-cd', accessPolicyId: 'res-policy', contractPolicyId: 'res-policy', assetsSelector: [] };
export const DATA_PLANE = { '@context': MGMT_CONTEXT, '@id': 'res-dp', url: 'https://dp.example.com/signaling', allowedSourceTypes: ['HttpData'], allowedTransferTypes: ['HttpData-PULL'] };
const CONTEXT = { '@context': MGMT_CONTEXT, identity: 'did:web:identity.example.com:changed', properties: {} };

export interface ContextRoute {
  method: string;
  /** Path after `/participants/{ctxId}`; a trailing `/res-...` segment stands for the `{id}` parameter. */
  path: string;
  body?: unknown;
}

/**
 * Every route under /participants/{ctxId}, with a valid body. The isolation matrix runs each of them with a
 * foreign participant's token and checks this list against the OpenAPI document: a feature adding a context
 * route (catalog, negotiations, transfers, ...) adds it here.
 */
export const CONTEXT_ROUTES: ContextRoute[] = [
  { method: 'GET', path: '' },
  { method: 'PUT', path: '', body: CONTEXT },
  { method: 'DELETE', path: '' },
  { method: 'POST', path: '/assets', body: { ...ASSET, '@id': 'new-asset' } },
  { method: 'POST', path: '/assets/request', body: {} },
  { method: 'GET', path: '/assets/res-asset' },
  { method: 'PUT', path: '/assets', body: { ...ASSET, properties: { name: 'hijacked' } } },
  { method: 'PUT', path: '/assets/res-asset', body: { ...ASSET, properties: { name: 'hijacked' } } },
  { method: 'DELETE', path: '/assets/res-asset' },
  { method: 'POST', path: '/policydefinitions', body: { ...POLICY, '@id': 'new-policy' } },
  { method: 'POST', path: '/policydefinitions/request' },
  { method: 'GET', path: '/policydefinitions/res-policy' },
  { method: 'PUT', path: '/policydefinitions/res-policy', body: { ...POLICY, policy: { permission: [{ action: 'hijack' }] } } },
  { method: 'DELETE', path: '/policydefinitions/res-policy' },
  { method: 'POST', path: '/contractdefinitions', body: { ...CONTRACT, '@id': 'new-cd' } },
  { method: 'POST', path: '/contractdefinitions/request', body: { filterExpression: [] } },
  { method: 'GET', path: '/contractdefinitions/res-cd' },
  { method: 'PUT', path: '/contractdefinitions', body: { ...CONTRACT, assetsSelector: [{ operandLeft: 'id', operator: '=', operandRight: 'x' }] } },
  { method: 'PUT', path: '/contractdefinitions/res-cd', body: { ...CONTRACT, assetsSelector: [{ operandLeft: 'id', operator: '=', operandRight: 'x' }] } },
  { method: 'DELETE', path: '/contractdefinitions/res-cd' },
  { method: 'POST', path: '/dataplanes', body: { ...DATA_PLANE, url: 'https://evil.example.com' } },
  { method: 'PUT', path: '/dataplanes', body: { ...DATA_PLANE, url: 'https://evil.example.com' } },
  { method: 'GET', path: '/dataplanes' },
  { method: 'GET', path: '/dataplanes/res-dp' },
  { method: 'DELETE', path: '/dataplanes/res-dp' },
  // DSP side (catalog, negotiations, transfers): appended by that feature.
  { method: 'POST', path: '/catalog/request', body: { counterPartyAddress: 'https://cp.example.com/api/dsp/x/2025-1', counterPartyId: 'did:web:cp.example.com:x', protocol: 'http-dsp-profile-2025-1' } },
  { method: 'POST', path: '/catalog/dataset/request', body: { '@id': 'a1', counterPartyAddress: 'https://cp.example.com/api/dsp/x/2025-1', counterPartyId: 'did:web:cp.example.com:x', protocol: 'http-dsp-profile-2025-1' } },
  // Transfers and EDRs (a foreign or missing context is refused before the body or the id is looked at).
  { method: 'POST', path: '/transferprocesses', body: { '@type': 'TransferRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: 'https://cp.example.com/api/dsp/x/2025-1', contractId: 'res-agreement', transferType: 'HttpData-PULL' } },
  { method: 'POST', path: '/transferprocesses/request', body: {} },
  { method: 'GET', path: '/transferprocesses/res-tp' },
  { method: 'GET', path: '/transferprocesses/res-tp/state' },
  { method: 'POST', path: '/transferprocesses/res-tp/suspend', body: { '@type': 'SuspendTransfer', reason: 'hijack' } },
  { method: 'POST', path: '/transferprocesses/res-tp/resume' },
  { method: 'POST', path: '/transferprocesses/res-tp/terminate', body: { '@type': 'TerminateTransfer', reason: 'hijack' } },
  { method: 'POST', path: '/edrs/request', body: {} },
  { method: 'GET', path: '/edrs/res-tp/dataaddress' },
  // Contract negotiations and agreements.
  { method: 'POST', path: '/contractnegotiations', body: { '@type': 'ContractRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: 'https://cp.example.com/api/dsp/x/2025-1', counterPartyId: 'did:web:cp.example.com:x', policy: { '@id': 'offer-1', '@type': 'Offer', target: 'a1', permission: [{ action: 'use' }] } } },
  { method: 'POST', path: '/contractnegotiations/request', body: {} },
  { method: 'GET', path: '/contractnegotiations/res-cn' },
  { method: 'GET', path: '/contractnegotiations/res-cn/state' },
  { method: 'GET', path: '/contractnegotiations/res-cn/agreement' },
  { method: 'POST', path: '/contractnegotiations/res-cn/terminate', body: { '@type': 'TerminateNegotiation', reason: 'hijack' } },
  { method: 'POST', path: '/contractagreements/request', body: {} },
  { method: 'GET', path: '/contractagreements/res-ca' },
  { method: 'GET', path: '/contractagreements/res-ca/negotiation' },
];

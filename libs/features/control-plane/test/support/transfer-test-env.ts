import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { dataPlaneService } from '@dsaas/feature-data-plane';
import { DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';
import { startService } from '@dsaas/server';
import { DataspaceFixture, Participant, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { ContractAgreementRepository } from '../../src/agreements/contract-agreement.repository';
import { ContractNegotiationEntity } from '../../src/negotiation/contract-negotiation.entity';
import { call, CallResult, createClient, DspTestEnv, startDspTestEnv } from './dsp-test-env';

/** The DCP scope every DSP call of these tests grants (what our control plane asks for by default). */
const MEMBERSHIP_SCOPE = 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read';

export const DSP_CONTEXT = [DSP_CONTEXT_URL];

export interface TransferTestEnv extends DspTestEnv {
  fixture: DataspaceFixture;
  /** The real data plane service, when asked for (its signaling API at `<url>/api/signaling/v1/dataflows`). */
  dataPlane?: ServiceUnderTest;
  /** Registers the data plane (or the one at `url`, e.g. a data plane run as its own process) for a context (HttpData, pull and push). */
  registerDataPlane(participant: Participant, url?: string): Promise<void>;
  /** A context of the control plane as a fixture participant (identity hub + control plane). */
  participant(id: string): Promise<Participant>;
  /** The provider's side of the transfer the consumer started as `consumerPid` (found by correlation id), or undefined. */
  providerTransfer(provider: Participant, consumerPid: string): Promise<any>;
  /** A self-issued token of `from` (by the identity hub's STS) addressed to `audienceDid`: lets a test speak DSP as that context. */
  stsToken(from: Participant, audienceDid: string): Promise<string>;
  /** A DSP call as `from` to a path below `to`'s DSP base. */
  dsp(from: Participant, to: Participant, method: string, path: string, body?: unknown): Promise<CallResult>;
  /**
   * Offers `assetId` of `provider` under an open policy (or `policy`) and gives both sides the agreement a
   * negotiation ends with (`negotiate`: by negotiating it over DSP; else stored directly, as a TCK presets
   * agreements for its transfer scenarios). Answers the agreement id.
   */
  agreement(consumer: Participant, provider: Participant, assetId: string, options?: { policy?: Record<string, unknown>; baseUrl?: string; negotiate?: boolean }): Promise<string>;
}

/** The environment of a data plane of this test env: its issuer and its own OAuth2 client (registration, DPS callbacks to the control plane). */
export async function dataPlaneEnv(env: DspTestEnv): Promise<Record<string, string>> {
  const client = await createClient(env.auth.url, env.admin, { role: 'provisioner', scopes: ['signaling-api:write', 'management-api:read', 'management-api:write'] });
  return { AUTH_ISSUER_URL: env.auth.env.AUTH_ISSUER_URL ?? env.auth.url, DATA_PLANE_CLIENT_ID: client.clientId, DATA_PLANE_CLIENT_SECRET: client.clientSecret };
}

/** startDspTestEnv plus what transfer tests need: fixture participants, DSP calls as a hosted context, agreements. */
export async function startTransferTestEnv(name: string, extraEnv: Record<string, string> = {}, options: { dataPlane?: boolean } = {}): Promise<TransferTestEnv> {
  const env = await startDspTestEnv(name, extraEnv);
  let dataPlane: ServiceUnderTest | undefined;
  if (options.dataPlane) {
    try {
      dataPlane = await startServiceForTest((dpEnv) => startService(dataPlaneService, dpEnv, { shutdownHooks: false }), `${name}_dp`, await dataPlaneEnv(env));
    } catch (error) {
      await env.stop();
      throw error;
    }
  }
  const fixture = new DataspaceFixture({ auth: env.auth.url, identityHub: env.hub.url, issuer: '', controlPlane: env.cp.url }, env.admin);
  const participants = new Map<string, Participant>();
  const transferEnv: TransferTestEnv = {
    ...env,
    fixture,
    dataPlane,
    async registerDataPlane(participant, url = dataPlane?.url) {
      if (!url) throw new Error('started without a data plane');
      const answer = await fixture.management(participant, 'POST', 'dataplanes', {
        '@id': 'data-plane',
        url: `${url}/api/signaling/v1/dataflows`,
        allowedSourceTypes: ['HttpData'],
        allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'],
      });
      if (answer.status !== 200) throw new Error(`data plane registration: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    async stop() {
      await dataPlane?.stop();
      await env.stop();
    },
    async participant(id) {
      if (!participants.has(id)) {
        const did = await env.createContext(id);
        participants.set(id, { id, did, controlPlane: env.cp.url, dspAddress: `${env.cp.url}/api/dsp/${id}/2025-1` });
      }
      return participants.get(id)!;
    },
    async providerTransfer(provider, consumerPid) {
      const found = await fixture.management(provider, 'POST', 'transferprocesses/request', { filterExpression: [{ operandLeft: 'correlationId', operator: '=', operandRight: consumerPid }] });
      return found.body[0];
    },
    async stsToken(from, audienceDid) {
      const answer = await call(env.hub.url, 'POST', '/api/sts/token', {
        token: env.admin,
        body: { participantContextId: from.id, audience: audienceDid, bearerAccessScope: MEMBERSHIP_SCOPE },
      });
      if (answer.status !== 200) throw new Error(`STS token for ${from.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.access_token;
    },
    async dsp(from, to, method, path, body) {
      return call(env.cp.url, method, `/api/dsp/${to.id}/2025-1${path}`, { authorization: `Bearer ${await transferEnv.stsToken(from, to.did)}`, body });
    },
    async agreement(consumer, provider, assetId, agreementOptions = {}) {
      const policy = agreementOptions.policy ?? { '@type': 'Set', permission: [] };
      await fixture.publish(provider, assetId, { policy, baseUrl: agreementOptions.baseUrl ?? `https://data.example.com/${assetId}` });
      if (agreementOptions.negotiate) {
        const catalog = await fixture.catalog(consumer, provider);
        return fixture.negotiate(consumer, provider, DataspaceFixture.offerOf(catalog, assetId, provider.did));
      }
      const id = randomUUID();
      const { '@type': _type, ...rules } = policy;
      const agreed = { '@type': 'Agreement', '@id': id, assigner: provider.did, assignee: consumer.did, target: assetId, ...rules };
      const repository = env.cp.app.get(ContractAgreementRepository);
      const now = new Date();
      // What a FINALIZED negotiation leaves on each side: the negotiation row and the agreement.
      await env.cp.app.get(DataSource).transaction(async (manager) => {
        for (const holder of [consumer, provider]) {
          const negotiationId = `negotiation-${holder.id}-${id}`;
          const counterParty = holder === consumer ? provider : consumer;
          await manager.insert(ContractNegotiationEntity, {
            participantContextId: holder.id,
            id: negotiationId,
            role: holder === consumer ? 'CONSUMER' : 'PROVIDER',
            state: 'FINALIZED',
            counterPartyId: counterParty.did,
            counterPartyAddress: counterParty.dspAddress,
            protocol: 'http-dsp-profile-2025-1',
            consumerPid: `negotiation-consumer-${id}`,
            providerPid: `negotiation-provider-${id}`,
            assetId,
            offer: agreed,
            agreementId: id,
            callbackAddresses: [],
            createdAt: now,
            updatedAt: now,
          });
          await repository.insert(manager, { participantContextId: holder.id, id, negotiationId, providerId: provider.did, consumerId: consumer.did, assetId, policy: agreed, signingDate: now });
        }
      });
      return id;
    },
  };
  return transferEnv;
}

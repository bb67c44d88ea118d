/**
 * A dataspace built over the platform's public HTTP APIs only (as an operator and a portal would): an issuer
 * context, participants onboarded in the identity hub and the control plane holding a MembershipCredential, a
 * provider publishing offers, and the consumer side of catalog, negotiation and transfer. Used by end-to-end tests
 * and by the benches, against the all-in-one platform or separately started services.
 */

export const MANAGEMENT_CONTEXT = ['https://w3id.org/edc/connector/management/v2'];
export const DSP_PROFILE = 'http-dsp-profile-2025-1';
const MGMT = '/api/mgmt/v4alpha';

export interface DataspaceUrls {
  auth: string;
  identityHub: string;
  issuer: string;
  /** The control plane of each participant (all the same for one control plane). */
  controlPlane: string;
  /** A data plane registered for every onboarded participant (HTTP pull and push), when given. */
  dataPlane?: string;
}

export interface HttpAnswer {
  status: number;
  body: any;
  headers: Headers;
}

export interface Participant {
  id: string;
  did: string;
  /** The control plane hosting it. */
  controlPlane: string;
  /** Its DSP 2025-1 base URL. */
  dspAddress: string;
}

export async function http(url: string, method: string, options: { token?: string; body?: unknown } = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

function expectStatus(answer: HttpAnswer, expected: number[], what: string): HttpAnswer {
  if (!expected.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Polls until `probe` returns a value (not undefined) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function clientCredentialsToken(authUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${authUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export class DataspaceFixture {
  private issuerDid?: string;

  constructor(
    readonly urls: DataspaceUrls,
    /** A token with every role and scope (the bootstrap admin's). */
    readonly adminToken: string,
    readonly issuerContextId = 'dataspace-issuer',
  ) {}

  /** The issuer context (created when missing; its default MembershipCredential definition comes with it). */
  async issuer(): Promise<string> {
    if (this.issuerDid) return this.issuerDid;
    const created = await http(`${this.urls.issuer}/api/issuer/participants`, 'POST', { token: this.adminToken, body: { issuerContextId: this.issuerContextId } });
    if (created.status === 201) return (this.issuerDid = created.body.did as string);
    expectStatus(created, [409], 'issuer context');
    const existing = expectStatus(await http(`${this.urls.issuer}/api/issuer/participants/${this.issuerContextId}`, 'GET', { token: this.adminToken }), [200], 'issuer context');
    return (this.issuerDid = existing.body.did as string);
  }

  /**
   * A participant in the identity hub and in its control plane (same id); with `member` it is registered as a
   * holder at the issuer and holds a MembershipCredential before this returns.
   */
  async onboard(id: string, options: { member?: boolean; controlPlane?: string } = {}): Promise<Participant> {
    const controlPlane = options.controlPlane ?? this.urls.controlPlane;
    const identity = expectStatus(
      await http(`${this.urls.identityHub}/api/identity/participants`, 'POST', { token: this.adminToken, body: { participantContextId: id } }),
      [201],
      `identity hub context ${id}`,
    );
    const did: string = identity.body.did;
    expectStatus(
      await http(`${controlPlane}${MGMT}/participants`, 'POST', {
        token: this.adminToken,
        body: { '@context': MANAGEMENT_CONTEXT, '@id': id, identity: did, properties: {} },
      }),
      [200],
      `control plane context ${id}`,
    );
    const participant = { id, did, controlPlane, dspAddress: `${controlPlane}/api/dsp/${id}/2025-1` };
    if (this.urls.dataPlane) {
      expectStatus(
        await this.management(participant, 'POST', 'dataplanes', {
          '@id': 'platform-data-plane',
          url: `${this.urls.dataPlane}/api/signaling/v1/dataflows`,
          allowedSourceTypes: ['HttpData'],
          allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'],
        }),
        [200],
        `data plane of ${id}`,
      );
    }
    if (options.member) await this.grantMembership(id, did);
    return participant;
  }

  private async grantMembership(id: string, did: string): Promise<void> {
    const issuerDid = await this.issuer();
    expectStatus(
      await http(`${this.urls.issuer}/api/issuer/participants/${this.issuerContextId}/holders`, 'POST', {
        token: this.adminToken,
        body: { holderId: id, did, name: id, properties: { membershipStartDate: '2025-01-01T00:00:00Z', membershipType: 'FullMember' } },
      }),
      [201],
      `holder ${id}`,
    );
    expectStatus(
      await http(`${this.urls.identityHub}/api/identity/participants/${id}/credentials/request`, 'POST', {
        token: this.adminToken,
        body: { issuerDid, credentials: [{ id: 'membership-credential' }] },
      }),
      [201],
      `credential request of ${id}`,
    );
    await eventually(async () => {
      const list = await http(`${this.urls.identityHub}/api/identity/participants/${id}/credentials`, 'GET', { token: this.adminToken });
      return Array.isArray(list.body) && JSON.stringify(list.body).includes('MembershipCredential') ? true : undefined;
    }, `MembershipCredential of ${id}`);
  }

  /** POST to a participant's management API (`path` below `/participants/{id}/`). */
  management(participant: Participant, method: string, path: string, body?: object): Promise<HttpAnswer> {
    const withContext = body === undefined ? undefined : { '@context': MANAGEMENT_CONTEXT, ...body };
    return http(`${participant.controlPlane}${MGMT}/participants/${participant.id}/${path}`, method, { token: this.adminToken, body: withContext });
  }

  /** An HTTP asset offered to members under `policyId` (a MembershipCredential constraint unless given). */
  async publish(provider: Participant, assetId: string, options: { baseUrl?: string; policy?: object } = {}): Promise<void> {
    const policyId = `policy-${assetId}`;
    const policy = options.policy ?? {
      '@type': 'Set',
      permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
    };
    expectStatus(
      await this.management(provider, 'POST', 'assets', {
        '@id': assetId,
        properties: { name: assetId },
        dataAddress: { type: 'HttpData', baseUrl: options.baseUrl ?? `https://data.example.com/${assetId}` },
      }),
      [200],
      `asset ${assetId}`,
    );
    expectStatus(await this.management(provider, 'POST', 'policydefinitions', { '@id': policyId, policy }), [200], `policy ${policyId}`);
    expectStatus(
      await this.management(provider, 'POST', 'contractdefinitions', {
        '@id': `cd-${assetId}`,
        accessPolicyId: policyId,
        contractPolicyId: policyId,
        assetsSelector: [{ operandLeft: 'id', operator: '=', operandRight: assetId }],
      }),
      [200],
      `contract definition of ${assetId}`,
    );
  }

  /** The provider's catalog as the consumer's control plane fetches it over DSP (management `catalog/request`). */
  async catalog(consumer: Participant, provider: Participant): Promise<any> {
    const answer = await this.management(consumer, 'POST', 'catalog/request', {
      '@type': 'CatalogRequest',
      counterPartyAddress: provider.dspAddress,
      counterPartyId: provider.did,
      protocol: DSP_PROFILE,
    });
    return expectStatus(answer, [200], 'catalog request').body;
  }

  /** The first offer of `assetId` in a catalog, ready to be sent back in a contract request. */
  static offerOf(catalog: any, assetId: string, providerDid: string): Record<string, unknown> {
    const dataset = (catalog.dataset ?? []).find((entry: any) => entry['@id'] === assetId);
    if (!dataset) throw new Error(`the catalog has no dataset ${assetId}`);
    return { ...dataset.hasPolicy[0], assigner: providerDid, target: assetId };
  }

  /** Starts a negotiation for an offer; resolves with the consumer's negotiation id. */
  async startNegotiation(consumer: Participant, provider: Participant, offer: Record<string, unknown>): Promise<string> {
    const answer = await this.management(consumer, 'POST', 'contractnegotiations', {
      '@type': 'ContractRequest',
      counterPartyAddress: provider.dspAddress,
      counterPartyId: provider.did,
      protocol: DSP_PROFILE,
      policy: offer,
    });
    return expectStatus(answer, [200], 'contract request').body['@id'];
  }

  /** Waits for a state of a management resource (`contractnegotiations/{id}` or `transferprocesses/{id}`). */
  async waitForState(participant: Participant, resource: string, states: string[], timeoutMs = 30_000, intervalMs = 20): Promise<any> {
    return eventually(
      async () => {
        const answer = await this.management(participant, 'GET', resource);
        if (answer.status !== 200) return undefined;
        if (answer.body.state === 'TERMINATED' && !states.includes('TERMINATED')) {
          throw new Error(`${resource} was TERMINATED: ${answer.body.errorDetail ?? JSON.stringify(answer.body)}`);
        }
        return states.includes(answer.body.state) ? answer.body : undefined;
      },
      `${resource} in ${states.join('|')}`,
      timeoutMs,
      intervalMs,
    );
  }

  /** Negotiates to FINALIZED; resolves with the agreement id. */
  async negotiate(consumer: Participant, provider: Participant, offer: Record<string, unknown>): Promise<string> {
    const id = await this.startNegotiation(consumer, provider, offer);
    const negotiation = await this.waitForState(consumer, `contractnegotiations/${id}`, ['FINALIZED']);
    return negotiation.contractAgreementId;
  }

  /** Requests a transfer under an agreement; resolves with the consumer's transfer process id. */
  async startTransfer(consumer: Participant, provider: Participant, agreementId: string, transferType = 'HttpData-PULL', dataDestination?: object): Promise<string> {
    const answer = await this.management(consumer, 'POST', 'transferprocesses', {
      '@type': 'TransferRequest',
      counterPartyAddress: provider.dspAddress,
      counterPartyId: provider.did,
      contractId: agreementId,
      transferType,
      protocol: DSP_PROFILE,
      ...(dataDestination ? { dataDestination } : {}),
    });
    return expectStatus(answer, [200], 'transfer request').body['@id'];
  }
}

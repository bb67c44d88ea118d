import { randomBytes } from 'crypto';
import { authServerService } from '@dsaas/feature-auth-server';
import { identityHubService } from '@dsaas/feature-identity-hub';
import { issuerServiceService } from '@dsaas/feature-issuer-service';
import { CredentialVerifier, CredentialVerificationException, DidResolver, StaticTrustedIssuers } from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator } from '@dsaas/protocol-dcp';
import { startService } from '@dsaas/server';
import { describeWithServices, freePort, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';

const ALLOW_HTTP = ['127.0.0.1', 'localhost'];


async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The whole DCP loop over HTTP, with the real services as their apps start them: an issuer context and two holder
 * contexts; holder A requests a MembershipCredential, the issuer issues and delivers it to A's credential service;
 * holder B's STS token asks A's credential service for a presentation; the verification library accepts it, and
 * after revocation (once the status list TTL passed) rejects it.
 */
describeWithServices(['postgres', 'nats'], 'DCP loop: issuer → holder A → presentation to holder B → verification', () => {
  let auth: ServiceUnderTest;
  let hub: ServiceUnderTest;
  let issuer: ServiceUnderTest;
  let admin: string;
  const adminSecret = randomBytes(18).toString('base64url');

  async function call(base: string, method: string, path: string, token: string | undefined, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  beforeAll(async () => {
    const [authPort, hubPort, issuerPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const authUrl = `http://127.0.0.1:${authPort}`;
    auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), 'dcp_auth', {
      PORT: String(authPort),
      PUBLIC_URL: authUrl,
      AUTH_BOOTSTRAP_CLIENT_ID: 'dcp-admin',
      AUTH_BOOTSTRAP_CLIENT_SECRET: adminSecret,
    });
    const common = { AUTH_ISSUER_URL: authUrl, DID_WEB_ALLOW_HTTP_HOSTS: ALLOW_HTTP.join(',') };
    issuer = await startServiceForTest((env) => startService(issuerServiceService, env, { shutdownHooks: false }), 'dcp_issuer', {
      ...common,
      PORT: String(issuerPort),
      PUBLIC_URL: `http://localhost:${issuerPort}`,
      STATUS_LIST_TTL_SECONDS: '1',
    });
    hub = await startServiceForTest((env) => startService(identityHubService, env, { shutdownHooks: false }), 'dcp_hub', {
      ...common,
      PORT: String(hubPort),
      PUBLIC_URL: `http://localhost:${hubPort}`,
    });
    const token = await fetch(`${authUrl}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`dcp-admin:${adminSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    admin = ((await token.json()) as any).access_token;
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await issuer?.stop();
    await auth?.stop();
  });

  it('issues, delivers, presents and verifies a MembershipCredential, and rejects it once revoked', async () => {
    // An issuer context (with its default MembershipCredential definition) and two holder contexts.
    const issuerCtx = await call(issuer.url, 'POST', '/api/issuer/participants', admin, { issuerContextId: 'dataspace-issuer' });
    expect(issuerCtx.status).toBe(201);
    const issuerDid: string = issuerCtx.body.did;
    const holderA = await call(hub.url, 'POST', '/api/identity/participants', admin, { participantContextId: 'holder-a' });
    const holderB = await call(hub.url, 'POST', '/api/identity/participants', admin, { participantContextId: 'holder-b', keyAlgorithm: 'EdDSA' });
    expect([holderA.status, holderB.status]).toEqual([201, 201]);
    const didA: string = holderA.body.did;
    const didB: string = holderB.body.did;

    // Holder A is a member of the dataspace (the issuer's database attestation).
    const member = await call(issuer.url, 'POST', '/api/issuer/participants/dataspace-issuer/holders', admin, {
      holderId: 'holder-a',
      did: didA,
      name: 'Holder A',
      properties: { membershipStartDate: '2025-01-01T00:00:00Z', membershipType: 'FullMember' },
    });
    expect(member.status).toBe(201);

    // A asks the issuer; the issuer issues and delivers to A's storage endpoint.
    const request = await call(hub.url, 'POST', '/api/identity/participants/holder-a/credentials/request', admin, {
      issuerDid,
      credentials: [{ id: 'membership-credential' }],
    });
    expect(request.status).toBe(201);
    const stored = await eventually(async () => {
      const list = await call(hub.url, 'GET', '/api/identity/participants/holder-a/credentials', admin);
      return list.body?.find?.((c: any) => JSON.stringify(c).includes('MembershipCredential'));
    });
    expect(stored).toBeDefined();

    // B's STS mints a self-issued token for A; B's control plane would send it to A's credential service.
    const sts = await call(hub.url, 'POST', '/api/sts/token', admin, { participantContextId: 'holder-b', audience: didA });
    expect(sts.status).toBe(200);
    const query = {
      '@context': [DCP_CONTEXT_URL],
      type: 'PresentationQueryMessage',
      scope: ['org.eclipse.dspace.dcp.vc.type:MembershipCredential:read'],
    };
    expect(dcpValidator.validate('PresentationQueryMessage', query).valid).toBe(true);
    const presentation = await call(hub.url, 'POST', '/api/credentials/holder-a/presentations/query', sts.body.access_token, query);
    expect(presentation.status).toBe(200);
    expect(dcpValidator.validate('PresentationResponseMessage', presentation.body)).toEqual({ valid: true, errors: [] });

    const verifier = new CredentialVerifier({
      resolver: new DidResolver({ allowHttpHosts: ALLOW_HTTP, ttlMs: 1000 }),
      trustedIssuers: new StaticTrustedIssuers([{ did: issuerDid, credentialTypes: ['MembershipCredential'] }]),
      allowHttpHosts: ALLOW_HTTP,
      statusListTtlMs: 500,
    });
    const verified = await verifier.verifyPresentation(presentation.body.presentation[0], { audience: didB });
    expect(verified.holder).toBe(didA);
    expect(verified.credentials.map((c) => c.types).flat()).toContain('MembershipCredential');
    expect(verified.credentials[0].issuer).toBe(issuerDid);

    // A replayed token is refused.
    const replay = await call(hub.url, 'POST', '/api/credentials/holder-a/presentations/query', sts.body.access_token, query);
    expect(replay.status).toBe(401);

    // Revoke; after the status list TTL the verifier sees it.
    const issued = await call(issuer.url, 'GET', `/api/issuer/participants/dataspace-issuer/credentials?holderDid=${encodeURIComponent(didA)}`, admin);
    expect(issued.status).toBe(200);
    const credentialId = (Array.isArray(issued.body) ? issued.body : issued.body.items ?? issued.body.credentials)[0].id;
    const revoked = await call(issuer.url, 'POST', `/api/issuer/participants/dataspace-issuer/credentials/${encodeURIComponent(credentialId)}/revoke`, admin);
    expect([200, 201, 204]).toContain(revoked.status);
    await new Promise((r) => setTimeout(r, 1500));

    const sts2 = await call(hub.url, 'POST', '/api/sts/token', admin, { participantContextId: 'holder-b', audience: didA });
    const again = await call(hub.url, 'POST', '/api/credentials/holder-a/presentations/query', sts2.body.access_token, query);
    expect(again.status).toBe(200);
    const failure = await verifier.verifyPresentation(again.body.presentation[0], { audience: didB }).catch((e) => e);
    expect(failure).toBeInstanceOf(CredentialVerificationException);
    expect(failure.reason).toBe('revoked');
  }, 90_000);
});

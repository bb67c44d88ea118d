import { randomUUID } from 'crypto';
import { importJWK, SignJWT } from 'jose';
import { Client } from 'pg';
import {
  BitstringStatusList,
  CredentialVerifier,
  DidResolver,
  generateKeyPair,
  StaticTrustedIssuers,
  verifySelfIssuedToken,
} from '@dsaas/identity';
import { DCP_CONTEXT_URL, dcpValidator } from '@dsaas/protocol-dcp';
import { startService } from '@dsaas/server';
import { describeWithServices } from '@dsaas/testing';
import { issuerServiceService } from '../src';
import { eventually, IssuerTestEnv, startIssuerTestEnv } from './support/issuer-test-env';
import { TestHolder, TestHolderServer } from './support/test-holder';

const ALLOW_HTTP = ['127.0.0.1', 'localhost'];
const CTX = 'dataspace-issuer';

describeWithServices(['postgres', 'nats'], 'DCP issuance over HTTP (issuer-service with a holder played by the test)', () => {
  let env: IssuerTestEnv;
  let holders: TestHolderServer;
  let acme: TestHolder;
  let flaky: TestHolder;
  let stranger: TestHolder;
  let admin: string;
  let issuerDid: string;
  let db: Client;

  const api = async (method: string, path: string, options: { token?: string; authorization?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.authorization) headers.authorization = options.authorization;
    const response = await fetch(`${env.issuer.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. a JWT)
    }
    return { status: response.status, headers: response.headers, body };
  };
  const requestMessage = (holderPid: string, ids = ['membership-credential']) => ({
    '@context': [DCP_CONTEXT_URL],
    type: 'CredentialRequestMessage',
    holderPid,
    credentials: ids.map((id) => ({ id })),
  });
  const requestCredentials = async (holder: TestHolder, holderPid: string) =>
    api('POST', `/api/issuance/${CTX}/credentials`, { token: await holder.token(issuerDid), body: requestMessage(holderPid) });
  const statusOf = async (holder: TestHolder, location: string) => {
    const response = await fetch(location, { headers: { authorization: `Bearer ${await holder.token(issuerDid)}` } });
    return { status: response.status, body: (await response.json()) as any };
  };
  const rowCount = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM issuer_service.${table}`)).rows[0].n);
  const verifier = () =>
    new CredentialVerifier({
      resolver: new DidResolver({ allowHttpHosts: ALLOW_HTTP, ttlMs: 1000 }),
      trustedIssuers: new StaticTrustedIssuers([{ did: issuerDid, credentialTypes: ['MembershipCredential'] }]),
      allowHttpHosts: ALLOW_HTTP,
      statusListTtlMs: 0,
    });

  beforeAll(async () => {
    env = await startIssuerTestEnv('issuer_dcp');
    holders = await TestHolderServer.start();
    acme = await holders.addHolder('acme');
    flaky = await holders.addHolder('flaky');
    stranger = await holders.addHolder('stranger');
    admin = await env.token({ role: 'provisioner', scopes: ['issuer-admin-api:read', 'issuer-admin-api:write'] });
    const created = await api('POST', '/api/issuer/participants', { token: admin, body: { issuerContextId: CTX } });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    issuerDid = created.body.did;
    for (const holder of [acme, flaky]) {
      const added = await api('POST', `/api/issuer/participants/${CTX}/holders`, {
        token: admin,
        body: { holderId: holder.name, did: holder.did, name: holder.name.toUpperCase(), properties: { membershipStartDate: '2026-01-01T00:00:00Z' } },
      });
      expect(added.status).toBe(201);
    }
    db = new Client({ connectionString: env.issuer.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await holders?.close();
    await env?.stop();
  });

  it('publishes the issuer DID document (both paths) and its IssuerMetadata', async () => {
    expect(issuerDid).toBe(`did:web:127.0.0.1%3A${new URL(env.issuer.url).port}:${CTX}`);
    for (const path of [`/${CTX}/did.json`, `/${CTX}/.well-known/did.json`]) {
      const document = await api('GET', path);
      expect(document.status).toBe(200);
      expect(document.body.id).toBe(issuerDid);
      expect(JSON.stringify(document.body)).not.toContain('"d"');
      expect(document.body.service).toEqual([
        { id: `${issuerDid}#issuer-service`, type: 'IssuerService', serviceEndpoint: `${env.issuer.url}/api/issuance/${CTX}` },
      ]);
    }
    const metadata = await api('GET', `/api/issuance/${CTX}/metadata`);
    expect(metadata.status).toBe(200);
    expect(dcpValidator.validate('IssuerMetadata', metadata.body).valid).toBe(true);
    expect(metadata.body).toMatchObject({ type: 'IssuerMetadata', issuer: issuerDid });
    expect(metadata.body.credentialsSupported).toEqual([
      expect.objectContaining({ id: 'membership-credential', type: 'CredentialObject', credentialType: 'MembershipCredential', bindingMethods: ['did:web'] }),
    ]);
    expect((await api('GET', '/api/issuance/nope/metadata')).status).toBe(404);
  });

  it('answers a request with 201 + Location, issues a MembershipCredential and delivers it to the holder, once', async () => {
    const holderPid = randomUUID();
    const first = await requestCredentials(acme, holderPid);
    expect(first.status).toBe(201);
    const location = first.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${env.issuer.url}/api/issuance/${CTX}/requests/[0-9a-f-]{36}$`));
    // The same request again (new token, same holderPid) is the same request.
    const again = await requestCredentials(acme, holderPid);
    expect(again.status).toBe(201);
    expect(again.headers.get('location')).toBe(location);

    const [delivered] = await eventually(() => (holders.messagesFor(acme).length ? holders.messagesFor(acme) : undefined));
    expect(dcpValidator.validate('CredentialMessage', delivered.body).valid).toBe(true);
    expect(delivered.body).toMatchObject({ type: 'CredentialMessage', holderPid, issuerPid: location.split('/').pop(), status: 'ISSUED' });
    expect(delivered.body.credentials).toHaveLength(1);
    expect(delivered.body.credentials[0]).toMatchObject({ credentialType: 'MembershipCredential', format: 'jwt' });
    // The delivery is authenticated with the issuer's self-issued token addressed to the holder.
    const caller = await verifySelfIssuedToken(delivered.authorization!.replace(/^Bearer /, ''), {
      audience: acme.did,
      resolver: new DidResolver({ allowHttpHosts: ALLOW_HTTP }),
    });
    expect(caller.iss).toBe(issuerDid);

    const verified = await verifier().verifyCredential(delivered.body.credentials[0].payload, { holderDid: acme.did });
    expect(verified.issuer).toBe(issuerDid);
    expect(verified.types).toEqual(['VerifiableCredential', 'MembershipCredential']);
    expect(verified.subject).toMatchObject({
      id: acme.did,
      membership: { membershipType: 'FullMember', since: '2026-01-01T00:00:00Z' },
      membershipStartDate: '2026-01-01T00:00:00Z',
    });

    const status = await eventually(async () => {
      const current = await statusOf(acme, location);
      return current.body.status === 'ISSUED' ? current : undefined;
    });
    expect(status.status).toBe(200);
    expect(dcpValidator.validate('CredentialStatus', status.body).valid).toBe(true);
    expect(status.body).toMatchObject({ type: 'CredentialStatus', holderPid, status: 'ISSUED' });

    // Give a duplicate a chance to show up, then check nothing was doubled.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(holders.messagesFor(acme)).toHaveLength(1);
    const issued = await api('GET', `/api/issuer/participants/${CTX}/credentials?holderDid=${encodeURIComponent(acme.did)}`, { token: admin });
    expect(issued.body).toHaveLength(1);
    expect(issued.body[0]).toMatchObject({ credentialType: 'MembershipCredential', holderDid: acme.did, requestId: location.split('/').pop() });
  });

  it('shows a request only to the holder that made it', async () => {
    const created = await requestCredentials(flaky, randomUUID());
    const location = created.headers.get('location')!;
    expect((await statusOf(stranger, location)).status).toBe(404);
    expect((await statusOf(flaky, `${location.slice(0, -36)}${randomUUID()}`)).status).toBe(404);
    expect((await statusOf(flaky, location)).status).toBe(200);
    await eventually(() => (holders.messagesFor(flaky).length ? true : undefined));
    holders.received.length = 0;
  });

  it('rejects a holder that is not in the member table, telling it why, and issues nothing', async () => {
    const before = await rowCount('issued_credential');
    const created = await requestCredentials(stranger, randomUUID());
    expect(created.status).toBe(201);
    const [message] = await eventually(() => (holders.messagesFor(stranger).length ? holders.messagesFor(stranger) : undefined));
    expect(dcpValidator.validate('CredentialMessage', message.body).valid).toBe(true);
    expect(message.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'the holder is not a member of this issuer' });
    expect(message.body.credentials).toBeUndefined();
    const status = await eventually(async () => {
      const current = await statusOf(stranger, created.headers.get('location')!);
      return current.body.status === 'REJECTED' ? current : undefined;
    });
    expect(status.body.status).toBe('REJECTED');
    expect(await rowCount('issued_credential')).toBe(before);
  });

  it("rejects a member whose record fails the definition's rules", async () => {
    const defined = await api('POST', `/api/issuer/participants/${CTX}/credentialdefinitions`, {
      token: admin,
      body: {
        id: 'gold-credential',
        credentialType: 'GoldMembershipCredential',
        format: 'vc2_0_jose',
        validitySeconds: 3600,
        attestations: ['holder-database'],
        rules: [{ type: 'equals', path: 'holder.properties.tier', value: 'gold' }],
      },
    });
    expect(defined.status).toBe(201);
    holders.received.length = 0;
    const created = await api('POST', `/api/issuance/${CTX}/credentials`, { token: await acme.token(issuerDid), body: requestMessage(randomUUID(), ['gold-credential']) });
    expect(created.status).toBe(201);
    const [message] = await eventually(() => (holders.messagesFor(acme).length ? holders.messagesFor(acme) : undefined));
    expect(message.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'holder.properties.tier must equal "gold"' });
    holders.received.length = 0;
  });

  it('redelivers to a holder that was down at first, and delivers once', async () => {
    holders.received.length = 0;
    holders.failNext = 2;
    const attemptsBefore = holders.deliveryAttempts;
    const created = await requestCredentials(flaky, randomUUID());
    const [message] = await eventually(() => (holders.messagesFor(flaky).length ? holders.messagesFor(flaky) : undefined));
    expect(message.body.status).toBe('ISSUED');
    expect(holders.deliveryAttempts - attemptsBefore).toBe(3);
    await eventually(async () => ((await statusOf(flaky, created.headers.get('location')!)).body.status === 'ISSUED' ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(holders.messagesFor(flaky)).toHaveLength(1);
  });

  it('gives up after the bounded attempts: the request ends without a credential, and what was issued is revoked', async () => {
    holders.received.length = 0;
    holders.failNext = 1000;
    const attemptsBefore = holders.deliveryAttempts;
    try {
      const created = await requestCredentials(flaky, randomUUID());
      const issuerPid = created.headers.get('location')!.split('/').pop()!;
      await eventually(async () => ((await statusOf(flaky, created.headers.get('location')!)).body.status === 'REJECTED' ? true : undefined));
      expect(holders.deliveryAttempts - attemptsBefore).toBe(4);
      const row = (await db.query(`SELECT state, reason FROM issuer_service.credential_request WHERE id = $1`, [issuerPid])).rows[0];
      expect(row.state).toBe('ERROR');
      expect(row.reason).toMatch(/after 4 attempts.*HTTP 503/);
      const issued = await api('GET', `/api/issuer/participants/${CTX}/credentials`, { token: admin });
      expect(issued.body.find((c: any) => c.requestId === issuerPid).revokedAt).toBeDefined();
    } finally {
      holders.failNext = 0;
    }
  });

  it('revokes a credential: its bit is set in the served status list and verifiers reject it', async () => {
    const [credential] = (await api('GET', `/api/issuer/participants/${CTX}/credentials?holderDid=${encodeURIComponent(acme.did)}`, { token: admin })).body;
    const jwt = (await db.query(`SELECT jwt FROM issuer_service.issued_credential WHERE id = $1`, [credential.id])).rows[0].jwt;
    const entry = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).vc.credentialStatus;
    expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(credential.statusListIndex) });
    expect(entry.statusListCredential).toBe(`${env.issuer.url}/api/issuance/${CTX}/statuslists/${credential.statusListId}`);

    const bitOf = async () => {
      const response = await fetch(entry.statusListCredential);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/vc+jwt');
      const payload = JSON.parse(Buffer.from((await response.text()).split('.')[1], 'base64url').toString());
      return BitstringStatusList.decode(payload.credentialSubject.encodedList).get(credential.statusListIndex);
    };
    expect(await bitOf()).toBe(false);
    await verifier().verifyCredential(jwt, { holderDid: acme.did });

    const revoked = await api('POST', `/api/issuer/participants/${CTX}/credentials/${credential.id}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeDefined();
    expect(await bitOf()).toBe(true);
    await expect(verifier().verifyCredential(jwt, { holderDid: acme.did })).rejects.toMatchObject({ reason: 'revoked' });
    // Revoking again changes nothing.
    expect((await api('POST', `/api/issuer/participants/${CTX}/credentials/${credential.id}/revoke`, { token: admin })).body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('refuses bad self-issued tokens with 401 and stores nothing', async () => {
    const before = await rowCount('credential_request');
    const outboxBefore = await rowCount('outbox');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: `${acme.did}#key-1` })
      .setIssuer(acme.did)
      .setSubject(acme.did)
      .setAudience(issuerDid)
      .setJti(randomUUID())
      .setIssuedAt(now - 900)
      .setExpirationTime(now - 600)
      .sign(await importJWK(acme.keys.privateJwk, 'ES256'));
    const otherKeys = await generateKeyPair('ES256');
    const replayed = await acme.token(issuerDid);
    expect((await api('POST', `/api/issuance/${CTX}/credentials`, { token: replayed, body: requestMessage(randomUUID()) })).status).toBe(201);
    const stored = await rowCount('credential_request');

    const cases: Record<string, string | undefined> = {
      'no token': undefined,
      expired,
      'wrong aud': await acme.token('did:web:somewhere-else.example'),
      'replayed jti': replayed,
      'unknown kid': await acme.token(issuerDid, { kid: `${acme.did}#key-9` }),
      'signed by another key': await acme.token(issuerDid, { keys: otherKeys }),
      'not a JWT': 'garbage',
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await api('POST', `/api/issuance/${CTX}/credentials`, { token, body: requestMessage(randomUUID()) });
      expect({ name, status: response.status }).toEqual({ name, status: 401 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(stored).toBe(before + 1);
    expect(await rowCount('credential_request')).toBe(stored);
    expect(await rowCount('outbox')).toBeLessThanOrEqual(outboxBefore + 1);
  });

  it('refuses a holder token replayed to a second replica on the same database', async () => {
    // A second instance of the service: same database, bus and public URL, as behind a load balancer.
    const replica = await startService(issuerServiceService, { ...env.issuer.env, PORT: '0' }, { shutdownHooks: false });
    try {
      const replicaUrl = (await replica.getUrl()).replace('[::1]', '127.0.0.1');
      const token = await acme.token(issuerDid);
      const created = await api('POST', `/api/issuance/${CTX}/credentials`, { token, body: requestMessage(randomUUID()) });
      expect(created.status).toBe(201);
      const replayed = await fetch(`${replicaUrl}/api/issuance/${CTX}/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(requestMessage(randomUUID())),
      });
      expect(replayed.status).toBe(401);
      expect(await replayed.json()).toMatchObject({ code: 'invalid_token', reason: 'replayed' });
      // The replica itself works: a fresh token is accepted there, and used up for the first instance.
      const location = created.headers.get('location')!.replace(env.issuer.url, replicaUrl);
      const fresh = await acme.token(issuerDid);
      expect((await fetch(location, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
      expect((await fetch(created.headers.get('location')!, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(401);
    } finally {
      await replica.close();
    }
  });

  it('refuses a malformed message or unknown credential with 400 and stores nothing', async () => {
    const before = await rowCount('credential_request');
    const malformed = [
      { '@context': [DCP_CONTEXT_URL], type: 'CredentialRequestMessage', credentials: [{ id: 'membership-credential' }] },
      { '@context': [DCP_CONTEXT_URL], type: 'CredentialRequestMessage', holderPid: 'x', credentials: [{ name: 'no id' }] },
      { type: 'CredentialRequestMessage', holderPid: 'x', credentials: [] },
      { '@context': [DCP_CONTEXT_URL], type: 'CredentialOfferMessage', holderPid: 'x', credentials: [{ id: 'membership-credential' }] },
      requestMessage(randomUUID(), ['no-such-credential']),
    ];
    for (const body of malformed) {
      const response = await api('POST', `/api/issuance/${CTX}/credentials`, { token: await acme.token(issuerDid), body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(await rowCount('credential_request')).toBe(before);
  });
});

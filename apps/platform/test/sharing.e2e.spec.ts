import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { clientCredentialsToken, createTestDatabase, DataspaceFixture, describeWithServices, Participant, TestDatabase } from '@dsaas/testing';
import { RunningPlatform, startPlatform } from '../src/start';

/**
 * Flow 2 of ARCHITECTURE.md (sharing, pattern A) on the all-in-one platform as `npm start` wires it: an issuer
 * context, two participants of the one control plane holding MembershipCredentials; the provider publishes an
 * asset for members; the consumer sees it in the catalog fetched over DSP with DCP (a non-member does not),
 * negotiates it to FINALIZED, starts an HttpData-PULL transfer and downloads the data through the platform's data
 * plane with its EDR.
 */
describeWithServices(['postgres'], 'sharing on the all-in-one platform', () => {
  let platform: RunningPlatform;
  let database: TestDatabase;
  let dataspace: DataspaceFixture;
  let provider: Participant;
  let consumer: Participant;
  let outsider: Participant;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsaas-sharing-'));
  // The provider's backend the asset points at (the data source, not a component of ours).
  const payload = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join(''));
  const source = http.createServer((_req, res) => res.end(payload));
  let agreementId: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    const sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/data`;
    database = await createTestDatabase('platform_sharing');
    const basePort = 20080 + Math.floor(Math.random() * 400) * 10;
    platform = await startPlatform({
      ...process.env,
      DATABASE_URL: database.url,
      PLATFORM_DATA_DIR: dataDir,
      PLATFORM_BASE_PORT: String(basePort),
      PUBLIC_HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    const admin = await clientCredentialsToken(platform.urls['auth-server'], platform.admin.clientId, platform.admin.clientSecret);
    dataspace = new DataspaceFixture(
      { auth: platform.urls['auth-server'], identityHub: platform.urls['identity-hub'], issuer: platform.urls['issuer-service'], controlPlane: platform.urls['control-plane'], dataPlane: platform.urls['data-plane'] },
      admin,
    );
    [provider, consumer, outsider] = await Promise.all([
      dataspace.onboard('provider', { member: true }),
      dataspace.onboard('consumer', { member: true }),
      dataspace.onboard('outsider'),
    ]);
    await dataspace.publish(provider, 'members-only', { baseUrl: sourceUrl });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    source.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a member the offer in the provider catalog fetched over DSP + DCP', async () => {
    const catalog = await dataspace.catalog(consumer, provider);
    expect(catalog.participantId).toBe(provider.did);
    expect(catalog.dataset.map((d: any) => d['@id'])).toEqual(['members-only']);
    expect(DataspaceFixture.offerOf(catalog, 'members-only', provider.did)).toMatchObject({ '@type': 'Offer', assigner: provider.did, target: 'members-only' });
  });

  it('hides it from a participant without a MembershipCredential', async () => {
    const catalog = await dataspace.catalog(outsider, provider);
    expect(catalog.dataset).toEqual([]);
    expect(catalog.participantId).toBe(provider.did);
  });

  it('negotiates the offer to FINALIZED on both sides', async () => {
    const offer = DataspaceFixture.offerOf(await dataspace.catalog(consumer, provider), 'members-only', provider.did);
    agreementId = await dataspace.negotiate(consumer, provider, offer);
    expect(agreementId).toEqual(expect.any(String));
    const providerAgreement = await dataspace.management(provider, 'GET', `contractagreements/${encodeURIComponent(agreementId)}`);
    expect(providerAgreement.status).toBe(200);
    expect(providerAgreement.body).toMatchObject({ assetId: 'members-only' });
  });

  it('starts a pull transfer and the consumer downloads the data through the data plane with its EDR', async () => {
    const id = await dataspace.startTransfer(consumer, provider, agreementId);
    await dataspace.waitForState(consumer, `transferprocesses/${id}`, ['STARTED']);
    const edr = await dataspace.management(consumer, 'GET', `edrs/${id}/dataaddress`);
    expect(edr.status).toBe(200);
    expect(edr.body.endpoint).toContain(platform.urls['data-plane']);
    const response = await fetch(edr.body.endpoint, { headers: { authorization: edr.body.authorization } });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
    const refused = await fetch(edr.body.endpoint);
    expect(refused.status).toBe(401);
  });

  it("refuses a negotiation by a non-member that replays a member's offer", async () => {
    const offer = DataspaceFixture.offerOf(await dataspace.catalog(consumer, provider), 'members-only', provider.did);
    const id = await dataspace.startNegotiation(outsider, provider, offer);
    const ended = await dataspace.waitForState(outsider, `contractnegotiations/${id}`, ['TERMINATED']);
    expect(ended.state).toBe('TERMINATED');
    // The access policy hides the offer from it, so the provider answers as for an offer it never made.
    expect(ended.errorDetail).toMatch(/refused with HTTP 400: .*not an offer of this provider/);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clientCredentialsToken, createTestDatabase, DataspaceFixture, describeWithServices, Participant, TestDatabase } from '@dsaas/testing';
import { RunningPlatform, startPlatform } from '../src/start';

/**
 * Flow 2 of ARCHITECTURE.md (sharing, pattern A) on the all-in-one platform as `npm start` wires it: an issuer
 * context, two participants of the one control plane holding MembershipCredentials; the provider publishes an
 * asset for members; the consumer sees it in the catalog fetched over DSP with DCP, and a non-member does not.
 */
describeWithServices(['postgres'], 'sharing on the all-in-one platform', () => {
  let platform: RunningPlatform;
  let database: TestDatabase;
  let dataspace: DataspaceFixture;
  let provider: Participant;
  let consumer: Participant;
  let outsider: Participant;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsaas-sharing-'));

  beforeAll(async () => {
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
    await dataspace.publish(provider, 'members-only');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
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
});

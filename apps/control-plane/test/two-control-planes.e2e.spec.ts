import { authServerService } from '@dsaas/feature-auth-server';
import { dataPlaneService } from '@dsaas/feature-data-plane';
import { identityHubService } from '@dsaas/feature-identity-hub';
import { issuerServiceService } from '@dsaas/feature-issuer-service';
import { didWebForUrl } from '@dsaas/identity';
import { startService } from '@dsaas/server';
import {
  clientCredentialsToken,
  DataspaceFixture,
  describeWithServices,
  freePort,
  Participant,
  ServiceProcess,
  ServiceUnderTest,
  startServiceForTest,
  startServiceProcess,
} from '@dsaas/testing';

const ADMIN = { id: 'two-cp-admin', secret: 'two-cp-admin-secret-0123456789' };

/**
 * Two participants hosted by two separate control-plane processes (each its own database), sharing the
 * auth-server, identity hub and issuer: the consumer on control plane 2 reads the catalog of the provider on
 * control plane 1 over real HTTP with DCP, then negotiates and starts a transfer with it.
 */
describeWithServices(['postgres', 'nats'], 'two control-plane processes', () => {
  const started: ServiceUnderTest[] = [];
  const processes: ServiceProcess[] = [];
  let dataspace: DataspaceFixture;
  let provider: Participant;
  let consumer: Participant;

  const inProcess = async (service: Parameters<typeof startService>[0], name: string, env: NodeJS.ProcessEnv) => {
    const port = await freePort();
    const running = await startServiceForTest((e) => startService(service, e, { shutdownHooks: false }), name, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env });
    started.push(running);
    return running;
  };

  beforeAll(async () => {
    const authPort = await freePort();
    const authUrl = `http://127.0.0.1:${authPort}`;
    await inProcess(authServerService, 'two_cp_auth', { PORT: String(authPort), PUBLIC_URL: authUrl, AUTH_ISSUER_URL: authUrl, AUTH_BOOTSTRAP_CLIENT_ID: ADMIN.id, AUTH_BOOTSTRAP_CLIENT_SECRET: ADMIN.secret });
    const common = { AUTH_ISSUER_URL: authUrl };
    const issuer = await inProcess(issuerServiceService, 'two_cp_issuer', common);
    const hub = await inProcess(identityHubService, 'two_cp_hub', common);
    const dataPlane = await inProcess(dataPlaneService, 'two_cp_dp', common);
    const controlPlaneEnv = {
      ...common,
      IDENTITY_HUB_URL: hub.url,
      STS_CLIENT_ID: ADMIN.id,
      STS_CLIENT_SECRET: ADMIN.secret,
      TRUSTED_ISSUERS: JSON.stringify([{ did: didWebForUrl(issuer.url, ['dataspace-issuer']), credentialTypes: ['*'] }]),
      STATE_MACHINE_POLL_MS: '100',
    };
    const [cp1, cp2] = await Promise.all([startServiceProcess('control-plane', 'two_cp_1', controlPlaneEnv), startServiceProcess('control-plane', 'two_cp_2', controlPlaneEnv)]);
    processes.push(cp1, cp2);
    const admin = await clientCredentialsToken(authUrl, ADMIN.id, ADMIN.secret);
    dataspace = new DataspaceFixture({ auth: authUrl, identityHub: hub.url, issuer: issuer.url, controlPlane: cp1.url, dataPlane: dataPlane.url }, admin);
    [provider, consumer] = await Promise.all([dataspace.onboard('provider', { member: true, controlPlane: cp1.url }), dataspace.onboard('consumer', { member: true, controlPlane: cp2.url })]);
    await dataspace.publish(provider, 'shared-asset');
  }, 180_000);

  afterAll(async () => {
    for (const running of processes) await running.stop();
    for (const service of started.reverse()) await service.stop();
  });

  it('serves the provider catalog of control plane 1 to the consumer of control plane 2', async () => {
    const catalog = await dataspace.catalog(consumer, provider);
    expect(catalog.participantId).toBe(provider.did);
    expect(catalog.dataset.map((d: any) => d['@id'])).toEqual(['shared-asset']);
  });

  it('negotiates (FINALIZED) and starts a pull transfer (STARTED on both control planes) across the two processes', async () => {
    const offer = DataspaceFixture.offerOf(await dataspace.catalog(consumer, provider), 'shared-asset', provider.did);
    const agreementId = await dataspace.negotiate(consumer, provider, offer);
    const transferId = await dataspace.startTransfer(consumer, provider, agreementId);
    await dataspace.waitForState(consumer, `transferprocesses/${transferId}`, ['STARTED']);
    // The provider's process is STARTED once the consumer acknowledged the start message.
    const providerSide = await dataspace.management(provider, 'POST', 'transferprocesses/request', { filterExpression: [{ operandLeft: 'correlationId', operator: '=', operandRight: transferId }] });
    expect(providerSide.body).toEqual([expect.objectContaining({ type: 'PROVIDER', contractId: agreementId })]);
    await dataspace.waitForState(provider, `transferprocesses/${providerSide.body[0]['@id']}`, ['STARTED']);
    const edr = await dataspace.management(consumer, 'GET', `edrs/${transferId}/dataaddress`);
    expect(edr.body).toMatchObject({ endpoint: expect.stringContaining(dataspace.urls.dataPlane!), authorization: expect.any(String) });
  });
});

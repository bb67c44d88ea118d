import { randomUUID } from 'crypto';
import { authServerService } from '@dsaas/feature-auth-server';
import { controlPlaneService, DataPlaneRepository } from '@dsaas/feature-control-plane';
import { ControlPlaneCallbackClient, DataPlaneRegistrationService } from '@dsaas/feature-data-plane';
import { DPS_HTTP_PULL_PROFILE } from '@dsaas/protocol-dps';
import { startService } from '@dsaas/server';
import { clientCredentialsToken, describeWithServices, eventually, http, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startDataPlane } from '../src/start';

const MGMT_CONTEXT = ['https://w3id.org/edc/connector/management/v2'];
const ISSUER = 'http://auth.edge.test';
const OPERATOR = { id: 'operator', secret: 'operator-secret-0123456789' };
const SIGNALING = ['signaling-api:write', 'signaling-api:read'];
type Client = { role: string; participantContextId?: string; scopes: string[] };

function startMessage(context: string): Record<string, unknown> {
  const id = randomUUID();
  return {
    messageId: randomUUID(), participantId: 'did:web:p.example.com', counterPartyId: 'did:web:c.example.com', dataspaceContext: 'x',
    processId: id, agreementId: `agreement-${id}`, datasetId: 'asset-1', profile: DPS_HTTP_PULL_PROFILE, transferType: 'HttpData-PULL', claims: {},
    metadata: { participantContextId: context, sourceDataAddress: { type: 'HttpData', baseUrl: 'http://127.0.0.1:9' } },
  };
}

/**
 * An edge data plane (its own process config: one participant context, its own OAuth2 client) registering with a
 * real control plane, heart-beating, serving only its context, and calling the control plane's DPS callbacks.
 */
describeWithServices(['postgres', 'nats'], 'edge data plane registration with a control plane', () => {
  let auth: { auth: ServiceUnderTest; client(c: Client): Promise<{ clientId: string; clientSecret: string }>; token(c: Client): Promise<string> };
  let cp: ServiceUnderTest;
  let dp: ServiceUnderTest;
  let operator: string;
  let edgeSecret: string;

  const dataPlanes = async () => (await http(`${cp.url}/api/mgmt/v4alpha/participants/acme/dataplanes`, 'GET', { token: operator })).body as any[];

  beforeAll(async () => {
    const authServer = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), 'edge_auth', {
      AUTH_ISSUER_URL: ISSUER,
      AUTH_BOOTSTRAP_CLIENT_ID: OPERATOR.id,
      AUTH_BOOTSTRAP_CLIENT_SECRET: OPERATOR.secret,
    });
    const operatorToken = await clientCredentialsToken(authServer.url, OPERATOR.id, OPERATOR.secret);
    const register = async (spec: Client) => (await http(`${authServer.url}/api/admin/clients`, 'POST', { token: operatorToken, body: spec })).body as { clientId: string; clientSecret: string };
    auth = { auth: authServer, client: register, token: async (spec) => (({ clientId, clientSecret }) => clientCredentialsToken(authServer.url, clientId, clientSecret))(await register(spec)) };
    const authEnv = { AUTH_ISSUER_URL: ISSUER, AUTH_JWKS_URL: `${auth.auth.url}/.well-known/jwks.json` };
    cp = await startServiceForTest((env) => startService(controlPlaneService, env, { shutdownHooks: false }), 'edge_cp', authEnv);
    operator = await auth.token({ role: 'admin', scopes: ['management-api:read', 'management-api:write'] });
    const created = await http(`${cp.url}/api/mgmt/v4alpha/participants`, 'POST', { token: operator, body: { '@context': MGMT_CONTEXT, '@id': 'acme', identity: 'did:web:example.com:acme', properties: {} } });
    expect(created.status).toBe(200);
    // The customer's own client for its edge data plane: its context only.
    const client = await auth.client({ role: 'participant', participantContextId: 'acme', scopes: ['management-api:write', ...SIGNALING] });
    edgeSecret = client.clientSecret;
    dp = await startServiceForTest(startDataPlane, 'edge_dp', {
      ...authEnv,
      DATA_PLANE_ID: 'acme-edge',
      PARTICIPANT_CONTEXT_ID: 'acme',
      CONTROL_PLANE_MANAGEMENT_URL: `${cp.url}/api/mgmt/v4alpha`,
      DATA_PLANE_CLIENT_ID: client.clientId,
      DATA_PLANE_CLIENT_SECRET: client.clientSecret,
      DATA_PLANE_TOKEN_URL: `${auth.auth.url}/oauth2/token`,
      DATA_PLANE_HEARTBEAT_SECONDS: '1',
    });
  }, 60_000);

  afterAll(async () => {
    await dp?.stop();
    await cp?.stop();
    await auth?.auth.stop();
  });

  it('registers its signaling URL and capabilities with the context, and heart-beats', async () => {
    const registered = await eventually(async () => (await dataPlanes()).find((d) => d['@id'] === 'acme-edge'), 'registration', 10_000);
    expect(registered).toMatchObject({ url: `${dp.url}/api/signaling/v1/dataflows`, allowedSourceTypes: ['HttpData', 'NATS'], allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'], properties: { heartbeatSeconds: 1, authorization: { type: 'oauth2_client_credentials', clientId: expect.any(String) } } });
    expect(JSON.stringify(registered)).not.toContain(edgeSecret);
    const firstSeen = JSON.stringify(registered);
    await eventually(async () => ((await dataPlanes()).find((d) => d['@id'] === 'acme-edge') && JSON.stringify((await dataPlanes()).find((d) => d['@id'] === 'acme-edge')) !== firstSeen ? true : undefined), 'heartbeat', 10_000, 200);
  });

  it("is left out of the control plane's selection once its heartbeat stops", async () => {
    const selectable = async () => (await cp.app.get(DataPlaneRepository).findCapable('acme', 'HttpData', 'HttpData-PULL')).map((d) => d.id);
    expect(await selectable()).toEqual(['acme-edge']);
    dp.app.get(DataPlaneRegistrationService).onApplicationShutdown();
    await eventually(async () => ((await selectable()).length === 0 ? true : undefined), 'stale data plane left out', 10_000, 250);
    await dp.app.get(DataPlaneRegistrationService).registerAll();
    expect(await selectable()).toEqual(['acme-edge']);
  });

  it('serves only its own participant context', async () => {
    const admin = await auth.token({ role: 'provisioner', scopes: SIGNALING });
    const foreign = await http(`${dp.url}/api/signaling/v1/dataflows/start`, 'POST', { token: admin, body: startMessage('bravo') });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'flow_refused' } });
    const own = await http(`${dp.url}/api/signaling/v1/dataflows/start`, 'POST', { token: admin, body: startMessage('acme') });
    expect(own.status).toBe(200);
  });

  it("reaches the control plane's DPS callbacks with its own OAuth2 client (authenticated: an unknown transfer is the control plane's 404)", async () => {
    const callbacks = dp.app.get(ControlPlaneCallbackClient);
    const flow = { id: '00000000-0000-4000-8000-000000000999', participantContextId: 'acme', callbackAddress: `${cp.url}/api/signaling/v1` };
    const response = await fetch(`${flow.callbackAddress}/transfers/${flow.id}/dataflow/completed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(await callbacks.notify(flow, 'completed', 'COMPLETED', { bytesTransferred: 1 })).toBe(false);
  });
});

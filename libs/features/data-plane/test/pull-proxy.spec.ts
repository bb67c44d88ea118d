import { createHash } from 'crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { describeWithServices, deterministicContent, http, listen, sendContent, TestServer } from '@dsaas/testing';
import { EdrSigningKeyService } from '../src/edr/edr-signing-key.service';
import { DataPlaneUrls } from '../src/common/data-plane-urls';
import { DataPlaneTestEnv, SIGNALING, startDataPlaneTestEnv } from './support/data-plane-test-env';
import { edrOf, startMessage } from './support/flows';

const SIZE = 100 * 1024 * 1024;

/** Streams a response and hashes it; answers what arrived and whether the stream ended cleanly. */
async function download(url: string, token: string, abortAfter?: { bytes: number; then: () => Promise<void> }): Promise<{ status: number; bytes: number; sha256: string; complete: boolean }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const hash = createHash('sha256');
  let bytes = 0;
  let triggered = false;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      if (abortAfter && !triggered && bytes >= abortAfter.bytes) {
        triggered = true;
        await abortAfter.then();
      }
    }
  } catch {
    return { status: response.status, bytes, sha256: '', complete: false };
  }
  return { status: response.status, bytes, sha256: hash.digest('hex'), complete: true };
}

describeWithServices(['postgres', 'nats'], 'HTTP pull: EDR and the public proxy', () => {
  let env: DataPlaneTestEnv;
  let source: TestServer;
  let cp: string;
  const content = deterministicContent(SIZE);

  const start = async (sourceAddress: Record<string, string>) => {
    const answer = await env.signal('POST', '/start', cp, startMessage({ source: sourceAddress }));
    expect(answer.status).toBe(200);
    return { id: answer.body.dataFlowId as string, ...edrOf(answer.body.dataAddress) };
  };

  beforeAll(async () => {
    env = await startDataPlaneTestEnv('dp_pull');
    cp = await env.token({ role: 'provisioner', scopes: SIGNALING });
    const owner = await env.token({ role: 'participant', participantContextId: 'acme', scopes: ['management-api:read', 'management-api:write'] });
    const stored = await http(`${env.dp.url}/api/data-plane/participants/acme/secrets/source-api-key`, 'PUT', { token: owner, body: { value: 'source-secret-value' } });
    expect(stored.status).toBe(204);
    source = await listen((request, response) => {
      if (request.url === '/big') return void sendContent(response, content, SIZE);
      if (request.url?.startsWith('/api')) {
        if (request.headers['x-api-key'] !== 'source-secret-value') return void response.writeHead(401).end('no key');
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          const url = new URL(request.url!, 'http://x');
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: request.method, path: url.pathname, query: url.search, body, contentType: request.headers['content-type'] ?? null }));
        });
        return;
      }
      response.writeHead(404).end();
    });
  }, 60_000);

  afterAll(async () => {
    await source?.close();
    await env?.stop();
  });

  it('streams a 100 MB asset through the proxy byte-identical (sha256) and meters it per flow and context', async () => {
    const flow = await start({ type: 'HttpData', baseUrl: `${source.url}/big` });
    const result = await download(flow.endpoint, flow.token);
    expect(result).toEqual({ status: 200, bytes: SIZE, sha256: content.sha256, complete: true });
    const metrics = await (await fetch(`${env.dp.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`dsaas_data_plane_flow_bytes_total\\{participant_context_id="acme",flow_id="${flow.id}",direction="pull"\\} ${SIZE}`));
    expect(metrics).toMatch(/dsaas_data_plane_bytes_total\{participant_context_id="acme",direction="pull"\} \d+/);
    const status = await env.signal('GET', `/${flow.id}/status`, cp);
    expect(status.body).toEqual({ dataFlowId: flow.id, state: 'STARTED' });
  }, 40_000);

  it('passes path, query, method and body through only where the data address says "true"; the source key comes from the SecretStore', async () => {
    const open = await start({ type: 'HttpData', baseUrl: `${source.url}/api`, proxyPath: 'true', proxyQueryParams: 'true', proxyMethod: 'true', proxyBody: 'true', authKey: 'X-Api-Key', secretName: 'source-api-key' });
    const passed = await fetch(`${open.endpoint}/items/7?color=red&n=2`, { method: 'PUT', headers: { authorization: `Bearer ${open.token}`, 'content-type': 'text/plain' }, body: 'hello source' });
    expect(passed.status).toBe(200);
    expect(await passed.json()).toEqual({ method: 'PUT', path: '/api/items/7', query: '?color=red&n=2', body: 'hello source', contentType: 'text/plain' });
    const json = await fetch(open.endpoint, { method: 'POST', headers: { authorization: `Bearer ${open.token}`, 'content-type': 'application/json' }, body: '{"q":1}' });
    expect(await json.json()).toMatchObject({ method: 'POST', path: '/api', body: '{"q":1}' });

    for (const sneaky of ['/..%2fadmin', '/a%2f..%2f..%2fadmin', '/%E0%A4%A']) {
      const refused = await fetch(`${open.endpoint}${sneaky}`, { headers: { authorization: `Bearer ${open.token}` } });
      expect({ sneaky, status: refused.status }).toEqual({ sneaky, status: 400 });
    }

    const closed = await start({ type: 'HttpData', baseUrl: `${source.url}/api`, authKey: 'X-Api-Key', secretName: 'source-api-key' });
    const fixed = await fetch(`${closed.endpoint}/items/7?color=red`, { headers: { authorization: `Bearer ${closed.token}` } });
    expect(await fixed.json()).toMatchObject({ method: 'GET', path: '/api', query: '' });
    const refused = await fetch(closed.endpoint, { method: 'DELETE', headers: { authorization: `Bearer ${closed.token}` } });
    expect(refused.status).toBe(405);

    const missingSecret = await start({ type: 'HttpData', baseUrl: `${source.url}/api`, authKey: 'X-Api-Key', secretName: 'not-there' });
    const broken = await fetch(missingSecret.endpoint, { headers: { authorization: `Bearer ${missingSecret.token}` } });
    expect(broken.status).toBe(502);
    expect(await broken.text()).not.toContain('source-secret-value');
  });

  it('refuses no, forged, expired, wrong-flow and revoked tokens with 401/403 and no byte of data', async () => {
    const flow = await start({ type: 'HttpData', baseUrl: `${source.url}/big` });
    const other = await start({ type: 'HttpData', baseUrl: `${source.url}/big` });
    const issuer = env.dp.app.get(DataPlaneUrls).base();
    const claims = { agreement_id: `agreement-${flow.id}`, gen: 0 };
    const forgedKey = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'data-plane-edr-1' }).setIssuer(issuer).setAudience(flow.id).setIssuedAt().setExpirationTime('5m').sign(forgedKey.privateKey);
    const ourKey = await env.dp.app.get(EdrSigningKeyService).key();
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: ourKey.kid }).setIssuer(issuer).setAudience(flow.id).setIssuedAt(Math.floor(Date.now() / 1000) - 600).setExpirationTime(Math.floor(Date.now() / 1000) - 300).sign(ourKey.privateKey);

    const attempt = async (token: string | undefined, url = flow.endpoint) => {
      const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const text = await response.text();
      return { status: response.status, type: response.headers.get('content-type'), length: text.length, code: text.startsWith('{') ? JSON.parse(text).code : text.slice(0, 20) };
    };
    for (const [token, status, code] of [
      [undefined, 401, 'invalid_token'],
      ['not-a-jwt', 401, 'invalid_token'],
      [forged, 401, 'invalid_token'],
      [expired, 401, 'invalid_token'],
      [other.token, 403, 'access_denied'],
    ] as const) {
      const answer = await attempt(token);
      expect({ status: answer.status, code: answer.code }).toEqual({ status, code });
      expect(answer.type).toContain('application/problem+json');
      expect(answer.length).toBeLessThan(1000);
    }

    // Revoked: a suspend revokes every token; the resume's new one works, the old stays dead.
    expect((await env.signal('POST', `/${flow.id}/suspend`, cp, { messageId: 'm-s', reason: 'maintenance' })).status).toBe(200);
    expect(await attempt(flow.token)).toMatchObject({ status: 403, code: 'access_denied' });
    const resumed = await env.signal('POST', `/${flow.id}/resume`, cp, { messageId: 'm-r' });
    expect(resumed.body.state).toBe('STARTED');
    const fresh = edrOf(resumed.body.dataAddress);
    expect(await attempt(flow.token)).toMatchObject({ status: 403, code: 'access_denied' });
    const ok = await fetch(fresh.endpoint, { headers: { authorization: `Bearer ${fresh.token}` } });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
  });

  it('cuts a running download on terminate and refuses the very next request', async () => {
    const flow = await start({ type: 'HttpData', baseUrl: `${source.url}/big` });
    const result = await download(flow.endpoint, flow.token, {
      bytes: 5 * 1024 * 1024,
      then: async () => expect((await env.signal('POST', `/${flow.id}/terminate`, cp, { messageId: 'm-t', reason: 'consumer terminated' })).status).toBe(200),
    });
    expect(result.complete).toBe(false);
    expect(result.bytes).toBeLessThan(SIZE);
    const next = await fetch(flow.endpoint, { headers: { authorization: `Bearer ${flow.token}` } });
    expect(next.status).toBe(403);
    expect(((await next.json()) as { detail: string }).detail).toBe('The data flow is terminated');
    expect((await env.signal('GET', `/${flow.id}/status`, cp)).body.state).toBe('TERMINATED');
  });

  it('keeps source secrets write-only, per context: names are listed, values never; another context gets 404', async () => {
    const owner = await env.token({ role: 'participant', participantContextId: 'acme', scopes: ['management-api:read', 'management-api:write'] });
    const stranger = await env.token({ role: 'participant', participantContextId: 'bravo', scopes: ['management-api:read', 'management-api:write'] });
    const base = `${env.dp.url}/api/data-plane/participants/acme/secrets`;
    const listed = await http(base, 'GET', { token: owner });
    expect(listed).toMatchObject({ status: 200, body: ['source-api-key'] });
    expect(JSON.stringify(listed.body)).not.toContain('source-secret-value');
    expect((await http(base, 'GET', { token: stranger })).status).toBe(404);
    expect((await http(`${base}/stolen`, 'PUT', { token: stranger, body: { value: 'x' } })).status).toBe(404);
    expect((await http(`${base}/bad name`, 'PUT', { token: owner, body: { value: 'x' } })).status).toBe(400);
    expect((await http(`${base}/ok`, 'PUT', { token: owner, body: { value: 'x', extra: true } })).status).toBe(400);
    expect((await http(`${base}/push-destination:abc`, 'PUT', { token: owner, body: { value: 'x' } })).status).toBe(400);
    expect((await http(base, 'GET', { token: owner })).body).toEqual(['source-api-key']);
  });

  it('refreshes an access token with the refresh token, which then works only once', async () => {
    const flow = await start({ type: 'HttpData', baseUrl: `${source.url}/api`, authKey: 'X-Api-Key', secretName: 'source-api-key' });
    const refreshed = await http(flow.refreshEndpoint, 'POST', { body: { grant_type: 'refresh_token', refresh_token: flow.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect((await fetch(flow.endpoint, { headers: { authorization: `Bearer ${refreshed.body.access_token}` } })).status).toBe(200);
    const again = await http(flow.refreshEndpoint, 'POST', { body: { grant_type: 'refresh_token', refresh_token: flow.refreshToken } });
    expect(again).toMatchObject({ status: 400, body: { code: 'invalid_grant' } });
    const bad = await http(flow.refreshEndpoint, 'POST', { body: { grant_type: 'password', refresh_token: 'x', extra: 1 } });
    expect(bad.status).toBe(400);
  });
});

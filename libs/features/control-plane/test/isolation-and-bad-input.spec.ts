import { describeWithServices } from '@dsaas/testing';
import { ControlPlaneTestEnv, MANAGEMENT_SCOPES, MGMT_CONTEXT, startControlPlaneTestEnv } from './support/control-plane-test-env';
import { ASSET, CONTEXT_ROUTES, CONTRACT, DATA_PLANE, POLICY } from './support/management-context-routes';

const VERSIONS = ['v4alpha', 'v5beta'];

/** Templates like `/participants/{ctxId}/assets/{id}`, to compare with the OpenAPI document. */
function template(path: string): string {
  return path.replace(/\/res-[a-z]+(?=\/|$)/g, '/{id}');
}

describeWithServices(['postgres', 'nats'], 'control-plane management API: isolation and bad input', () => {
  let env: ControlPlaneTestEnv;
  let provisioner: string;
  let alpha: string;

  const base = (version: string, ctxId: string) => `/api/mgmt/${version}/participants/${ctxId}`;

  /** Everything the provisioner sees of a context: compared before and after the attacks. */
  async function snapshot(ctxId: string) {
    const read = async (method: string, path: string) => (await env.call(method, `${base('v5beta', ctxId)}${path}`, { token: provisioner })).body;
    return {
      context: await read('GET', ''),
      assets: await read('POST', '/assets/request'),
      policies: await read('POST', '/policydefinitions/request'),
      contracts: await read('POST', '/contractdefinitions/request'),
      dataPlanes: await read('GET', '/dataplanes'),
    };
  }

  async function seed(ctxId: string) {
    const created = await env.call('POST', '/api/mgmt/v4alpha/participants', {
      token: provisioner,
      body: { '@context': MGMT_CONTEXT, '@id': ctxId, identity: `did:web:identity.example.com:${ctxId}`, properties: { dspAddress: `https://cp.example.com/api/dsp/${ctxId}/2025-1` } },
    });
    expect(created.status).toBe(200);
    for (const [path, body] of [
      ['/assets', ASSET],
      ['/policydefinitions', POLICY],
      ['/contractdefinitions', CONTRACT],
      ['/dataplanes', DATA_PLANE],
    ] as const) {
      const result = await env.call('POST', `${base('v4alpha', ctxId)}${path}`, { token: provisioner, body });
      expect({ path, status: result.status }).toEqual({ path, status: 200 });
    }
  }

  beforeAll(async () => {
    env = await startControlPlaneTestEnv('cp_isolation');
    provisioner = await env.token({ role: 'provisioner', scopes: MANAGEMENT_SCOPES });
    alpha = await env.token({ role: 'participant', participantContextId: 'alpha', scopes: MANAGEMENT_SCOPES });
    await seed('alpha');
    await seed('beta');
  }, 60_000);
  afterAll(() => env?.stop());

  it('covers every context route of the OpenAPI document in the matrix', async () => {
    const document: any = (await env.call('GET', '/api/openapi.json')).body;
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries<any>(document.paths)) {
      if (!path.includes('{ctxId}')) continue;
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const covered = new Set(VERSIONS.flatMap((version) => CONTEXT_ROUTES.map((r) => `${r.method} /api/mgmt/${version}/participants/{ctxId}${template(r.path)}`)));
    expect([...documented].sort()).toEqual([...covered].sort());
  });

  it("answers participant alpha on each of beta's routes exactly as for a context that does not exist, and changes nothing", async () => {
    const before = await snapshot('beta');
    const mismatches: unknown[] = [];
    for (const version of VERSIONS) {
      for (const route of CONTEXT_ROUTES) {
        const attack = await env.call(route.method, `${base(version, 'beta')}${route.path}`, { token: alpha, body: route.body });
        // The same request where the context really does not exist, answered by the service itself (provisioner),
        // or by the role check for the provisioner-only routes (alpha on a missing context).
        const adminOnly = route.path === '' && route.method !== 'GET';
        const missing = await env.call(route.method, `${base(version, 'ghost')}${route.path}`, { token: adminOnly ? alpha : provisioner, body: route.body });
        const expected = JSON.parse(JSON.stringify(missing.body).replace(/ghost/g, 'beta'));
        const expectedStatus = adminOnly ? 403 : 404;
        if (attack.status !== expectedStatus || missing.status !== expectedStatus || JSON.stringify(attack.body) !== JSON.stringify(expected) || attack.headers.get('content-type') !== missing.headers.get('content-type')) {
          mismatches.push({ version, ...route, attack: [attack.status, attack.body], missing: [missing.status, missing.body] });
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(await snapshot('beta')).toEqual(before);
    // The attacker's own context is untouched too: nothing was written to alpha instead.
    expect((await snapshot('alpha')).assets.map((a: any) => a['@id'])).toEqual(['res-asset']);
  });

  it('keeps contexts apart inside the data too: alpha cannot reference beta-only policies', async () => {
    await env.call('POST', `${base('v4alpha', 'beta')}/policydefinitions`, { token: provisioner, body: { ...POLICY, '@id': 'beta-only' } });
    const result = await env.call('POST', `${base('v4alpha', 'alpha')}/contractdefinitions`, { token: alpha, body: { ...CONTRACT, '@id': 'x', accessPolicyId: 'beta-only' } });
    expect(result.status).toBe(400);
    expect((await env.call('GET', `${base('v4alpha', 'alpha')}/policydefinitions/beta-only`, { token: alpha })).status).toBe(404);
  });

  describe('bad input', () => {
    const WRITES: { method: string; path: string; valid: Record<string, unknown> }[] = [
      { method: 'POST', path: '/assets', valid: { ...ASSET, '@id': 'bad-asset' } },
      { method: 'PUT', path: '/assets/res-asset', valid: ASSET },
      { method: 'POST', path: '/policydefinitions', valid: { ...POLICY, '@id': 'bad-policy' } },
      { method: 'PUT', path: '/policydefinitions/res-policy', valid: POLICY },
      { method: 'POST', path: '/contractdefinitions', valid: { ...CONTRACT, '@id': 'bad-cd' } },
      { method: 'PUT', path: '/contractdefinitions/res-cd', valid: CONTRACT },
      { method: 'POST', path: '/dataplanes', valid: { ...DATA_PLANE, '@id': 'bad-dp' } },
      { method: 'POST', path: '/assets/request', valid: { limit: 10 } },
    ];
    const wrongTypes: Record<string, Record<string, unknown>> = {
      '/assets': { properties: 'not-an-object' },
      '/assets/res-asset': { dataAddress: { type: 42 } },
      '/policydefinitions': { policy: [1, 2] },
      '/policydefinitions/res-policy': { policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 1, operator: 'eq', rightOperand: 1 }] }] } },
      '/contractdefinitions': { accessPolicyId: 7 },
      '/contractdefinitions/res-cd': { assetsSelector: 'all' },
      // A single string is a one-element list in compact JSON-LD, so the wrong type here is a number.
      '/dataplanes': { allowedSourceTypes: 5 },
      '/assets/request': { limit: 'ten' },
    };

    it('answers malformed JSON, unknown fields, wrong types, non-objects and huge bodies with a problem, and stores nothing', async () => {
      const before = await snapshot('alpha');
      const failures: unknown[] = [];
      const expectProblem = async (label: string, route: (typeof WRITES)[number], options: { body?: unknown; raw?: string; contentType?: string }, status: number) => {
        const result = await env.call(route.method, `${base('v4alpha', 'alpha')}${route.path}`, { token: alpha, ...options });
        if (result.status !== status || !result.headers.get('content-type')?.includes('application/problem+json') || result.body?.status !== status) {
          failures.push({ label, route: `${route.method} ${route.path}`, status: result.status, body: result.body });
        }
      };
      for (const route of WRITES) {
        await expectProblem('malformed JSON', route, { raw: '{"@id": "x", "properties": {' }, 400);
        await expectProblem('unknown field', route, { body: { ...route.valid, surprise: true } }, 400);
        await expectProblem('wrong type', route, { body: { ...route.valid, ...wrongTypes[route.path] } }, 400);
        await expectProblem('array body', route, { body: [route.valid] }, 400);
        await expectProblem('string body', route, { body: 'asset' }, 400);
        await expectProblem('too deep', route, { body: { ...route.valid, properties: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) } }, 400);
        await expectProblem('huge body', route, { raw: JSON.stringify({ ...route.valid, properties: { blob: 'x'.repeat(1_100_000) } }) }, 413);
        if (route.path !== '/assets/request') await expectProblem('text/plain body', route, { raw: JSON.stringify(route.valid), contentType: 'text/plain' }, 400);
      }
      expect(failures).toEqual([]);
      expect(await snapshot('alpha')).toEqual(before);
    });

    it('refuses bad participant-context bodies and bad secret names, storing nothing', async () => {
      for (const body of [
        { '@id': '../escape', identity: 'did:web:x.example.com' },
        { '@id': 'ok-id', identity: 'not-a-did' },
        { '@id': 'ok-id', identity: 'did:web:x.example.com', properties: { dspAddress: 'javascript:alert(1)' } },
        { '@id': 'ok-id', identity: 'did:web:x.example.com', secrets: { '../key': 'v' } },
        { '@id': 'ok-id', identity: 'did:web:x.example.com', secrets: { key: 42 } },
        { '@id': 'ok-id', identity: 'did:web:x.example.com', extra: 1 },
      ]) {
        const result = await env.call('POST', '/api/mgmt/v5beta/participants', { token: provisioner, body });
        expect({ body, status: result.status }).toEqual({ body, status: 400 });
      }
      expect((await env.call('GET', '/api/mgmt/v5beta/participants/ok-id', { token: provisioner })).status).toBe(404);
    });
  });
});

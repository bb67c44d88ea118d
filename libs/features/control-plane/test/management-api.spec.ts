import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { describeWithServices } from '@dsaas/testing';
import { AssetRepository, CelExpressionRepository, DataPlaneRepository } from '../src';
import { ControlPlaneTestEnv, MANAGEMENT_SCOPES, MGMT_CONTEXT, startControlPlaneTestEnv } from './support/control-plane-test-env';

const V4 = '/api/mgmt/v4alpha';
const V5 = '/api/mgmt/v5beta';

describeWithServices(['postgres', 'nats'], 'control-plane management API', () => {
  let env: ControlPlaneTestEnv;
  let provisioner: string;
  let acme: string;
  let acmeReadOnly: string;

  const asset = (id: string, properties: Record<string, unknown> = {}) => ({
    '@context': MGMT_CONTEXT,
    '@id': id,
    properties,
    dataAddress: { type: 'HttpData', baseUrl: `https://data.example.com/${id}` },
  });
  const policy = (id: string, leftOperand = 'MembershipCredential') => ({
    '@context': MGMT_CONTEXT,
    '@id': id,
    policy: { '@type': 'Set', permission: [{ action: 'use', constraint: [{ leftOperand, operator: 'eq', rightOperand: 'active' }] }] },
  });

  beforeAll(async () => {
    env = await startControlPlaneTestEnv('cp_mgmt');
    provisioner = await env.token({ role: 'provisioner', scopes: MANAGEMENT_SCOPES });
    acme = await env.token({ role: 'participant', participantContextId: 'acme', scopes: MANAGEMENT_SCOPES });
    acmeReadOnly = await env.token({ role: 'participant', participantContextId: 'acme', scopes: ['management-api:read'] });
    for (const [id, did] of [
      ['acme', 'did:web:identity.example.com:acme'],
      ['bravo', 'did:web:identity.example.com:bravo'],
    ]) {
      const created = await env.call('POST', `${V4}/participants`, {
        token: provisioner,
        body: { '@context': MGMT_CONTEXT, '@id': id, identity: did, properties: { dspAddress: `https://cp.example.com/api/dsp/${id}/2025-1` } },
      });
      expect(created.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => env?.stop());

  describe('participant contexts', () => {
    it('creates a context with secrets in the SecretStore, never returning them, and deletes everything it owns', async () => {
      const created = await env.call('POST', `${V5}/participants`, {
        token: provisioner,
        body: {
          '@context': MGMT_CONTEXT,
          '@id': 'charlie',
          identity: 'did:web:identity.example.com:charlie',
          properties: { dspAddress: 'https://cp.example.com/api/dsp/charlie/2025-1', credentialServiceUrl: 'https://ih.example.com/api/credentials/charlie', tier: 'gold' },
          secrets: { 'sts-client-secret': 's3cr3t-value' },
        },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ '@context': MGMT_CONTEXT, '@type': 'IdResponse', '@id': 'charlie' });
      expect(typeof created.body.createdAt).toBe('number');
      const store = env.cp.app.get<SecretStore>(SECRET_STORE);
      expect(await store.get('charlie', 'sts-client-secret')).toBe('s3cr3t-value');

      const read = await env.call('GET', `${V4}/participants/charlie`, { token: provisioner });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        '@context': MGMT_CONTEXT,
        '@id': 'charlie',
        identity: 'did:web:identity.example.com:charlie',
        properties: { dspAddress: 'https://cp.example.com/api/dsp/charlie/2025-1', tier: 'gold' },
        state: 'ACTIVATED',
      });
      expect(JSON.stringify(read.body)).not.toContain('s3cr3t-value');

      expect((await env.call('POST', `${V4}/participants/charlie/assets`, { token: provisioner, body: asset('a1') })).status).toBe(200);
      expect((await env.call('DELETE', `${V4}/participants/charlie`, { token: provisioner })).status).toBe(204);
      expect(await store.list('charlie')).toEqual([]);
      expect(await env.cp.app.get(AssetRepository).findForContext('charlie')).toEqual([]);
      expect((await env.call('GET', `${V4}/participants/charlie`, { token: provisioner })).status).toBe(404);
      const gone = await env.call('POST', `${V4}/participants/charlie/assets/request`, { token: provisioner });
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ code: 'not_found', detail: "Participant context 'charlie' was not found" });
    });

    it('refuses a duplicate id or DID (409), a participant creating contexts (403), and lets a participant read its own', async () => {
      const again = await env.call('POST', `${V4}/participants`, { token: provisioner, body: { '@id': 'acme', identity: 'did:web:other.example.com:x' } });
      expect(again.status).toBe(409);
      const sameDid = await env.call('POST', `${V4}/participants`, { token: provisioner, body: { '@id': 'delta', identity: 'did:web:identity.example.com:acme' } });
      expect(sameDid.status).toBe(409);
      expect((await env.call('POST', `${V4}/participants`, { token: acme, body: { '@id': 'evil', identity: 'did:web:e.example.com' } })).status).toBe(403);
      expect((await env.call('GET', `${V4}/participants/acme`, { token: acme })).status).toBe(200);
      expect((await env.call('GET', `${V4}/participants/bravo`, { token: acme })).status).toBe(404);
      const list = await env.call('GET', `${V5}/participants`, { token: provisioner });
      expect(list.body.map((c: any) => c['@id'])).toEqual(expect.arrayContaining(['acme', 'bravo']));
    });
  });

  describe('assets', () => {
    it('creates, reads, updates and deletes an asset under both API versions, with the compact EDC shape', async () => {
      const created = await env.call('POST', `${V4}/participants/acme/assets`, {
        token: acme,
        body: {
          '@context': MGMT_CONTEXT,
          '@id': 'weather',
          '@type': 'Asset',
          properties: { name: 'Weather', contenttype: 'application/json' },
          privateProperties: { costCenter: 'cc-1' },
          dataAddress: { '@type': 'DataAddress', type: 'HttpData', baseUrl: 'https://data.example.com/weather', proxyPath: true, proxyQueryParams: 'true' },
        },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ '@type': 'IdResponse', '@id': 'weather' });

      const read = await env.call('GET', `${V5}/participants/acme/assets/weather`, { token: acmeReadOnly });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({
        '@context': MGMT_CONTEXT,
        '@id': 'weather',
        '@type': 'Asset',
        properties: { name: 'Weather', contenttype: 'application/json' },
        privateProperties: { costCenter: 'cc-1' },
        dataAddress: { '@type': 'DataAddress', type: 'HttpData', baseUrl: 'https://data.example.com/weather', proxyPath: 'true', proxyQueryParams: 'true' },
        createdAt: created.body.createdAt,
      });

      const duplicate = await env.call('POST', `${V5}/participants/acme/assets`, { token: acme, body: asset('weather') });
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers.get('content-type')).toContain('application/problem+json');

      const updated = await env.call('PUT', `${V5}/participants/acme/assets`, { token: acme, body: { ...asset('weather', { name: 'Weather v2' }) } });
      expect(updated.status).toBe(204);
      expect((await env.call('GET', `${V4}/participants/acme/assets/weather`, { token: acme })).body.properties).toEqual({ name: 'Weather v2' });
      expect((await env.call('PUT', `${V4}/participants/acme/assets/weather`, { token: acme, body: asset('other') })).status).toBe(400);
      expect((await env.call('PUT', `${V4}/participants/acme/assets/nope`, { token: acme, body: asset('nope') })).status).toBe(404);

      expect((await env.call('DELETE', `${V4}/participants/acme/assets/weather`, { token: acme })).status).toBe(204);
      const missing = await env.call('GET', `${V4}/participants/acme/assets/weather`, { token: acme });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'not_found', detail: "Asset 'weather' was not found" });
      expect((await env.call('DELETE', `${V4}/participants/acme/assets/weather`, { token: acme })).status).toBe(404);
    });

    it('accepts edc:-prefixed and full-IRI terms and answers them compact; generates an id when none is given', async () => {
      const created = await env.call('POST', `${V4}/participants/acme/assets`, {
        token: acme,
        body: {
          '@context': { '@vocab': 'https://w3id.org/edc/v0.0.1/ns/' },
          '@id': 'prefixed',
          '@type': 'edc:Asset',
          'edc:properties': { 'https://w3id.org/edc/v0.0.1/ns/name': 'Prefixed', 'dct:type': 'dataset' },
          'https://w3id.org/edc/v0.0.1/ns/dataAddress': { 'edc:type': 'HttpData', 'edc:baseUrl': 'https://data.example.com/p' },
        },
      });
      expect(created.status).toBe(200);
      const read = await env.call('GET', `${V4}/participants/acme/assets/prefixed`, { token: acme });
      expect(read.body.properties).toEqual({ name: 'Prefixed', 'dct:type': 'dataset' });
      expect(read.body.dataAddress).toEqual({ '@type': 'DataAddress', type: 'HttpData', baseUrl: 'https://data.example.com/p' });

      const generated = await env.call('POST', `${V4}/participants/acme/assets`, { token: acme, body: { dataAddress: { type: 'HttpData' } } });
      expect(generated.status).toBe(200);
      expect(generated.body['@id']).toMatch(/^[0-9a-f-]{36}$/);
      await env.call('DELETE', `${V4}/participants/acme/assets/${generated.body['@id']}`, { token: acme });
      await env.call('DELETE', `${V4}/participants/acme/assets/prefixed`, { token: acme });
    });

    it('lets two contexts own the same asset id independently', async () => {
      await env.call('POST', `${V4}/participants/acme/assets`, { token: provisioner, body: asset('shared', { owner: 'acme' }) });
      await env.call('POST', `${V4}/participants/bravo/assets`, { token: provisioner, body: asset('shared', { owner: 'bravo' }) });
      expect((await env.call('GET', `${V4}/participants/acme/assets/shared`, { token: acme })).body.properties).toEqual({ owner: 'acme' });
      expect((await env.call('GET', `${V4}/participants/bravo/assets/shared`, { token: provisioner })).body.properties).toEqual({ owner: 'bravo' });
      await env.call('DELETE', `${V4}/participants/acme/assets/shared`, { token: acme });
      expect((await env.call('GET', `${V4}/participants/bravo/assets/shared`, { token: provisioner })).status).toBe(200);
      await env.call('DELETE', `${V4}/participants/bravo/assets/shared`, { token: provisioner });
    });
  });

  describe('queries', () => {
    const ids = (result: { body: any[] }) => result.body.map((a) => a['@id']);
    const query = (body?: unknown, raw?: string) => env.call('POST', `${V5}/participants/bravo/assets/request`, { token: provisioner, body, raw });

    beforeAll(async () => {
      const items: [string, Record<string, unknown>][] = [
        ['q1', { name: 'Alpha', size: 10, kind: 'weather', nested: { region: 'eu' }, tags: ['open', 'daily'] }],
        ['q2', { name: 'beta', size: 200, kind: 'weather', nested: { region: 'us' }, tags: ['daily'] }],
        ['q3', { name: 'Gamma', size: 30, kind: 'traffic', 'a.b': 'dotted' }],
      ];
      for (const [id, properties] of items) {
        expect((await env.call('POST', `${V4}/participants/bravo/assets`, { token: provisioner, body: asset(id, properties) })).status).toBe(200);
      }
    });

    it('answers every asset for no body, an empty body and an empty QuerySpec', async () => {
      expect(ids(await query())).toEqual(['q1', 'q2', 'q3']);
      expect(ids(await query(undefined, ''))).toEqual(['q1', 'q2', 'q3']);
      expect(ids(await query({}))).toEqual(['q1', 'q2', 'q3']);
      expect(ids(await query({ '@context': MGMT_CONTEXT, '@type': 'QuerySpec' }))).toEqual(['q1', 'q2', 'q3']);
    });

    it('filters with each operator on ids, properties, nested properties and createdAt', async () => {
      const filter = async (operandLeft: string, operator: string, operandRight: unknown) =>
        ids(await query({ filterExpression: [{ operandLeft, operator, operandRight }] }));
      expect(await filter('@id', '=', 'q2')).toEqual(['q2']);
      expect(await filter('https://w3id.org/edc/v0.0.1/ns/id', '=', 'q2')).toEqual(['q2']);
      expect(await filter('kind', '=', 'weather')).toEqual(['q1', 'q2']);
      expect(await filter('properties.kind', '!=', 'weather')).toEqual(['q3']);
      expect(await filter('edc:kind', 'in', ['traffic', 'none'])).toEqual(['q3']);
      expect(await filter('properties.size', '>', 20)).toEqual(['q2', 'q3']);
      expect(await filter('size', '<', 30)).toEqual(['q1']);
      expect(await filter('name', 'like', 'G%')).toEqual(['q3']);
      expect(await filter('name', 'ilike', '%a')).toEqual(['q1', 'q2', 'q3']);
      expect(await filter('properties.nested.region', '=', 'eu')).toEqual(['q1']);
      expect(await filter('properties.a.b', '=', 'dotted')).toEqual(['q3']);
      expect(await filter('tags', 'contains', 'open')).toEqual(['q1']);
      expect(await filter('dataAddress.baseUrl', '=', 'https://data.example.com/q1')).toEqual(['q1']);
      expect(await filter('createdAt', '>', 0)).toEqual(['q1', 'q2', 'q3']);
      expect(await filter('createdAt', '<', '2000-01-01T00:00:00Z')).toEqual([]);
      const both = await query({ filterExpression: [{ operandLeft: 'kind', operator: '=', operandRight: 'weather' }, { operandLeft: 'size', operator: '>', operandRight: 50 }] });
      expect(ids(both)).toEqual(['q2']);
    });

    it('sorts and pages', async () => {
      expect(ids(await query({ sortField: 'properties.size', sortOrder: 'DESC' }))).toEqual(['q2', 'q3', 'q1']);
      expect(ids(await query({ sortField: 'size', sortOrder: 'ASC', offset: 1, limit: 1 }))).toEqual(['q3']);
      expect(ids(await query({ offset: 2 }))).toEqual(['q3']);
    });

    it('refuses unknown operators, unknown fields, bad operands and limits out of range with a 400 problem', async () => {
      for (const body of [
        { filterExpression: [{ operandLeft: 'kind', operator: 'regex', operandRight: '.*' }] },
        { filterExpression: [{ operandLeft: 'kind', operator: 'in', operandRight: [] }] },
        { filterExpression: [{ operandLeft: 'createdAt', operator: 'like', operandRight: '%' }] },
        { filterExpression: [{ operandLeft: 'createdAt', operator: '>', operandRight: 'yesterday' }] },
        { filterExpression: [{ operandLeft: 'kind', operator: '=' }] },
        { filterExpression: [{ operandLeft: '@type', operator: '=', operandRight: 'x' }] },
        { limit: 1001 },
        { limit: 0 },
        { offset: -1 },
        { sortOrder: 'SIDEWAYS' },
        { select: '*' },
        [],
      ]) {
        const result = await query(body);
        expect({ body, status: result.status }).toEqual({ body, status: 400 });
        expect(result.headers.get('content-type')).toContain('application/problem+json');
      }
      const policies = await env.call('POST', `${V4}/participants/bravo/policydefinitions/request`, {
        token: provisioner,
        body: { filterExpression: [{ operandLeft: 'nonsense', operator: '=', operandRight: 'x' }] },
      });
      expect(policies.status).toBe(400);
      expect(policies.body.errors[0]).toContain('nonsense');
    });

    it('treats hostile property names and values as data, never as SQL', async () => {
      for (const operandLeft of ["kind' OR '1'='1", 'kind"; DROP TABLE control_plane.asset; --', "properties.x')) OR TRUE --"]) {
        const result = await query({ filterExpression: [{ operandLeft, operator: '=', operandRight: "weather' OR '1'='1" }] });
        expect(result.status).toBe(200);
        expect(result.body).toEqual([]);
      }
      const sorted = await query({ sortField: 'name; DROP TABLE x', sortOrder: 'ASC' });
      expect(sorted.status).toBe(200);
      expect(ids(await query())).toEqual(['q1', 'q2', 'q3']);
    });

    it('finds assets by a contract-definition selector for the DSP catalog', async () => {
      const repository = env.cp.app.get(AssetRepository);
      const selected = await repository.findBySelector('bravo', [{ operandLeft: 'kind', operator: '=', operandRight: 'weather' }]);
      expect(selected.map((a) => a.id)).toEqual(['q1', 'q2']);
      expect((await repository.findBySelector('bravo', [])).map((a) => a.id)).toEqual(['q1', 'q2', 'q3']);
      expect((await repository.findBySelector('acme', [{ operandLeft: 'kind', operator: '=', operandRight: 'weather' }])).map((a) => a.id)).toEqual([]);
      expect(await repository.matchesSelector('bravo', 'q3', [{ operandLeft: 'id', operator: 'in', operandRight: ['q1', 'q3'] }])).toBe(true);
      expect((await repository.findForContext('bravo', ['q3', 'zzz'])).map((a) => a.id)).toEqual(['q3']);
    });
  });

  describe('policy and contract definitions', () => {
    it('stores an ODRL policy in compact form: plain action/operator strings and arrays for every collection', async () => {
      const created = await env.call('POST', `${V5}/participants/acme/policydefinitions`, {
        token: acme,
        body: {
          '@context': MGMT_CONTEXT,
          '@id': 'odrl-prefixed',
          '@type': 'PolicyDefinition',
          policy: {
            '@context': 'http://www.w3.org/ns/odrl.jsonld',
            '@type': 'odrl:Set',
            'odrl:permission': {
              'odrl:action': { '@id': 'odrl:use' },
              'odrl:constraint': {
                'odrl:or': [
                  { 'odrl:leftOperand': { '@id': 'edc:inForceDate' }, 'odrl:operator': { '@id': 'odrl:gteq' }, 'odrl:rightOperand': { '@value': '2025-01-01T00:00:00Z' } },
                  { leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' },
                ],
              },
            },
          },
        },
      });
      expect(created.status).toBe(200);
      const read = await env.call('GET', `${V4}/participants/acme/policydefinitions/odrl-prefixed`, { token: acme });
      expect(read.body).toEqual({
        '@context': MGMT_CONTEXT,
        '@id': 'odrl-prefixed',
        '@type': 'PolicyDefinition',
        policy: {
          '@type': 'Set',
          permission: [
            {
              action: 'use',
              constraint: [
                {
                  or: [
                    { leftOperand: 'inForceDate', operator: 'gteq', rightOperand: '2025-01-01T00:00:00Z' },
                    { leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' },
                  ],
                },
              ],
            },
          ],
          prohibition: [],
          obligation: [],
        },
        privateProperties: {},
        createdAt: created.body.createdAt,
      });
    });

    it('refuses a broken policy with the path of each problem', async () => {
      const result = await env.call('POST', `${V4}/participants/acme/policydefinitions`, {
        token: acme,
        body: { '@id': 'broken', policy: { permission: [{ constraint: [{ leftOperand: 'x', operator: 'approximately', rightOperand: 1 }] }] } },
      });
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual(expect.arrayContaining([expect.stringContaining('policy.permission[0].action'), expect.stringContaining('policy.permission[0].constraint[0].operator')]));
      expect((await env.call('GET', `${V4}/participants/acme/policydefinitions/broken`, { token: acme })).status).toBe(404);
      expect((await env.call('POST', `${V4}/participants/acme/policydefinitions`, { token: acme, body: { '@id': 'no-policy' } })).status).toBe(400);
    });

    it('links contract definitions to policies of the same context only, and keeps referenced policies from deletion (409)', async () => {
      expect((await env.call('POST', `${V4}/participants/acme/policydefinitions`, { token: acme, body: policy('p-access') })).status).toBe(200);
      expect((await env.call('POST', `${V4}/participants/bravo/policydefinitions`, { token: provisioner, body: policy('p-bravo') })).status).toBe(200);

      const unknown = await env.call('POST', `${V4}/participants/acme/contractdefinitions`, {
        token: acme,
        body: { '@id': 'cd-1', accessPolicyId: 'p-access', contractPolicyId: 'p-bravo', assetsSelector: [] },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual(["policy definition 'p-bravo' does not exist in this participant context"]);

      const created = await env.call('POST', `${V5}/participants/acme/contractdefinitions`, {
        token: acme,
        body: {
          '@context': MGMT_CONTEXT,
          '@id': 'cd-1',
          '@type': 'ContractDefinition',
          accessPolicyId: 'p-access',
          contractPolicyId: 'p-access',
          assetsSelector: { '@type': 'Criterion', operandLeft: 'https://w3id.org/edc/v0.0.1/ns/id', operator: '=', operandRight: 'weather' },
        },
      });
      expect(created.status).toBe(200);
      const read = await env.call('GET', `${V4}/participants/acme/contractdefinitions/cd-1`, { token: acme });
      expect(read.body).toMatchObject({
        '@id': 'cd-1',
        '@type': 'ContractDefinition',
        accessPolicyId: 'p-access',
        contractPolicyId: 'p-access',
        assetsSelector: [{ '@type': 'Criterion', operandLeft: 'id', operator: '=', operandRight: 'weather' }],
      });
      const filtered = await env.call('POST', `${V4}/participants/acme/contractdefinitions/request`, {
        token: acme,
        body: { filterExpression: [{ operandLeft: 'accessPolicyId', operator: '=', operandRight: 'p-access' }] },
      });
      expect(filtered.body.map((d: any) => d['@id'])).toEqual(['cd-1']);

      const inUse = await env.call('DELETE', `${V4}/participants/acme/policydefinitions/p-access`, { token: acme });
      expect(inUse.status).toBe(409);
      expect(inUse.body.code).toBe('policy_definition_in_use');

      expect((await env.call('PUT', `${V4}/participants/acme/contractdefinitions/cd-1`, { token: acme, body: { accessPolicyId: 'p-access', contractPolicyId: 'gone', assetsSelector: [] } })).status).toBe(400);
      expect((await env.call('DELETE', `${V4}/participants/acme/contractdefinitions/cd-1`, { token: acme })).status).toBe(204);
      expect((await env.call('DELETE', `${V4}/participants/acme/policydefinitions/p-access`, { token: acme })).status).toBe(204);
    });

    it('refuses a selector that could not run as a query', async () => {
      await env.call('POST', `${V4}/participants/acme/policydefinitions`, { token: acme, body: policy('p-sel') });
      const result = await env.call('POST', `${V4}/participants/acme/contractdefinitions`, {
        token: acme,
        body: { '@id': 'cd-bad', accessPolicyId: 'p-sel', contractPolicyId: 'p-sel', assetsSelector: [{ operandLeft: 'createdAt', operator: 'like', operandRight: 'x' }] },
      });
      expect(result.status).toBe(400);
    });
  });

  describe('CEL expressions', () => {
    const membership = {
      '@context': MGMT_CONTEXT,
      '@id': 'membership',
      '@type': 'CelExpression',
      leftOperand: 'MembershipCredential',
      expression:
        "ctx.agent.claims.vc.filter(c, c.type.exists(t, t == 'MembershipCredential')).exists(c, c.credentialSubject.exists(cs, timestamp(cs.membershipStartDate) < now))",
      description: 'membership has started',
      scopes: ['catalog', 'contract.negotiation'],
    };

    it('registers, lists, reads, replaces and deletes an expression; duplicate @id → 409; broken expression → 400', async () => {
      const created = await env.call('POST', `${V5}/celexpressions`, { token: provisioner, body: membership });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ '@type': 'IdResponse', '@id': 'membership' });
      expect((await env.call('POST', `${V4}/celexpressions`, { token: provisioner, body: membership })).status).toBe(409);

      const broken = await env.call('POST', `${V5}/celexpressions`, { token: provisioner, body: { ...membership, '@id': 'broken', expression: 'ctx.agent.claims.vc.exists(c, ' } });
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0]).toContain('does not compile');
      expect((await env.call('POST', `${V5}/celexpressions`, { token: provisioner, body: { ...membership, '@id': 'badscope', scopes: ['everywhere'] } })).status).toBe(400);
      // Compiled by the policy engine's compiler: unknown variables and non-bool results are refused too.
      for (const expression of ['claims.vc.size() > 0', '1 + 2']) {
        expect((await env.call('POST', `${V5}/celexpressions`, { token: provisioner, body: { ...membership, '@id': 'odd', expression } })).status).toBe(400);
      }
      expect((await env.call('GET', `${V5}/celexpressions/odd`, { token: provisioner })).status).toBe(404);

      const read = await env.call('GET', `${V4}/celexpressions/membership`, { token: provisioner });
      expect(read.body).toMatchObject({ '@context': MGMT_CONTEXT, '@id': 'membership', '@type': 'CelExpression', leftOperand: 'MembershipCredential', scopes: ['catalog', 'contract.negotiation'] });
      expect((await env.call('GET', `${V5}/celexpressions`, { token: provisioner })).body.map((e: any) => e['@id'])).toEqual(['membership']);
      const repository = env.cp.app.get(CelExpressionRepository);
      expect((await repository.findByLeftOperand('MembershipCredential', 'catalog')).map((e) => e.id)).toEqual(['membership']);
      expect(await repository.findByLeftOperand('MembershipCredential', 'transfer.process')).toEqual([]);

      expect((await env.call('PUT', `${V5}/celexpressions/membership`, { token: provisioner, body: { ...membership, scopes: ['transfer.process'] } })).status).toBe(204);
      expect((await repository.findByLeftOperand('MembershipCredential', 'transfer.process')).map((e) => e.id)).toEqual(['membership']);
      expect((await env.call('POST', `${V5}/celexpressions/request`, { token: provisioner, body: { filterExpression: [{ operandLeft: 'leftOperand', operator: '=', operandRight: 'nope' }] } })).body).toEqual([]);

      expect((await env.call('POST', `${V5}/celexpressions`, { token: acme, body: { ...membership, '@id': 'mine' } })).status).toBe(403);
      expect((await env.call('DELETE', `${V5}/celexpressions/membership`, { token: provisioner })).status).toBe(204);
      expect((await env.call('GET', `${V5}/celexpressions/membership`, { token: provisioner })).status).toBe(404);
    });
  });

  describe('data planes', () => {
    it('registers, re-registers, lists and removes the data planes of a context', async () => {
      const body = {
        '@context': MGMT_CONTEXT,
        '@id': 'dp-1',
        url: 'https://dp.example.com/api/signaling/v1/dataflows',
        allowedSourceTypes: ['HttpData'],
        allowedTransferTypes: ['HttpData-PULL'],
      };
      const registered = await env.call('POST', `${V4}/participants/acme/dataplanes`, { token: acme, body });
      expect(registered.status).toBe(200);
      expect(registered.body).toMatchObject({ '@type': 'IdResponse', '@id': 'dp-1' });
      expect((await env.call('PUT', `${V5}/participants/acme/dataplanes`, { token: acme, body: { ...body, allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'] } })).status).toBe(200);
      const list = await env.call('GET', `${V5}/participants/acme/dataplanes`, { token: acme });
      expect(list.body).toEqual([
        expect.objectContaining({ '@context': MGMT_CONTEXT, '@id': 'dp-1', '@type': 'DataPlaneInstance', allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'], state: 'REGISTERED' }),
      ]);
      const repository = env.cp.app.get(DataPlaneRepository);
      expect((await repository.findCapable('acme', 'HttpData', 'HttpData-PUSH')).map((d) => d.id)).toEqual(['dp-1']);
      expect(await repository.findCapable('acme', 'AmazonS3', 'HttpData-PUSH')).toEqual([]);
      expect((await env.call('GET', `${V4}/participants/bravo/dataplanes`, { token: provisioner })).body).toEqual([]);
      expect((await env.call('POST', `${V4}/participants/acme/dataplanes`, { token: acme, body: { ...body, url: 'ftp://x' } })).status).toBe(400);
      expect((await env.call('DELETE', `${V4}/participants/acme/dataplanes/dp-1`, { token: acme })).status).toBe(204);
      expect((await env.call('DELETE', `${V4}/participants/acme/dataplanes/dp-1`, { token: acme })).status).toBe(404);
    });
  });

  it('needs management-api:write to change and management-api:read to read', async () => {
    expect((await env.call('POST', `${V4}/participants/acme/assets`, { token: acmeReadOnly, body: asset('ro') })).status).toBe(403);
    expect((await env.call('POST', `${V4}/participants/acme/assets/request`, { token: acmeReadOnly })).status).toBe(200);
    const noScope = await env.token({ role: 'participant', participantContextId: 'acme', scopes: ['identity-api:read'] });
    expect((await env.call('POST', `${V4}/participants/acme/assets/request`, { token: noScope })).status).toBe(403);
    expect((await env.call('POST', `${V4}/participants/acme/assets/request`)).status).toBe(401);
  });
});

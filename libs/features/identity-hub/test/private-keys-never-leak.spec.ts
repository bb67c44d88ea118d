import * as fs from 'fs';
import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { describeWithServices } from '@dsaas/testing';
import { IDENTITY_SCOPES, IdentityHubTestEnv, startIdentityHubTestEnv } from './support/identity-hub-test-env';
import { TestParty } from './support/test-issuer';

describeWithServices(['postgres', 'nats'], 'identity hub: private keys never leave the SecretStore', () => {
  let env: IdentityHubTestEnv;
  let verifier: TestParty;
  const output: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // pino writes its JSON lines to process.stdout (under jest) or straight to fd 1: capture both, at debug level.
    for (const stream of [process.stdout, process.stderr]) {
      spies.push(jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: any[]) => {
        output.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
        rest.find((arg) => typeof arg === 'function')?.();
        return true;
      }) as any));
    }
    const capture = (fd: unknown, data: unknown) => {
      if (fd === 1 || fd === 2) output.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    };
    spies.push(jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: any) => (capture(fd, data), Buffer.byteLength(String(data)))) as any));
    spies.push(jest.spyOn(fs, 'write').mockImplementation(((fd: number, data: any, ...rest: any[]) => {
      capture(fd, data);
      const callback = rest.find((arg) => typeof arg === 'function');
      callback?.(null, Buffer.byteLength(String(data)));
    }) as any));
    env = await startIdentityHubTestEnv('ih_leak', { LOG_LEVEL: 'debug' });
    verifier = await TestParty.start('verifier');
  });
  afterAll(async () => {
    await env?.stop();
    await verifier?.stop();
    spies.forEach((spy) => spy.mockRestore());
  });

  it('shows no private key member in any API answer or log line, through the whole key lifecycle', async () => {
    const provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
    const responses: string[] = [];
    const call = async (method: string, path: string, options: Parameters<IdentityHubTestEnv['call']>[2] = {}) => {
      const answer = await env.call(method, path, { token: provisioner, ...options });
      responses.push(JSON.stringify(answer.body ?? ''));
      return answer;
    };
    const created = await call('POST', '/api/identity/participants', { body: { participantContextId: 'ctx-leak', keyAlgorithm: 'EdDSA' } });
    const did = created.body.did;
    const first = (await call('GET', '/api/identity/participants/ctx-leak/keypairs')).body[0];
    await call('POST', '/api/identity/participants/ctx-leak/keypairs', { body: { keyId: 'second', algorithm: 'ES256' } });
    await call('POST', `/api/identity/participants/ctx-leak/keypairs/${first.keyId}/rotate`, { body: {} });
    await call('GET', '/api/identity/participants/ctx-leak/keypairs');
    await call('GET', '/api/identity/participants/ctx-leak/dids');
    await call('GET', '/ctx-leak/did.json');
    await call('POST', '/api/sts/token', { body: { participantContextId: 'ctx-leak', audience: verifier.did, bearerAccessScope: 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read' } });
    await call('POST', '/api/credentials/ctx-leak/presentations/query', {
      token: undefined,
      headers: { authorization: `Bearer ${await verifier.selfIssuedToken(did)}` },
      body: { '@context': [DCP_CONTEXT_URL], type: 'PresentationQueryMessage', scope: ['org.eclipse.dspace.dcp.vc.type:MembershipCredential:read'] },
    });

    const secrets = env.hub.app.get<SecretStore>(SECRET_STORE);
    const names = await secrets.list('ctx-leak');
    expect(names).toHaveLength(3);
    const privateParts = await Promise.all(names.map(async (name) => JSON.parse((await secrets.get('ctx-leak', name))!).d as string));
    expect(privateParts.every((d) => typeof d === 'string' && d.length > 20)).toBe(true);
    await call('POST', '/api/identity/participants/ctx-leak/keypairs/second/revoke');
    expect(await secrets.list('ctx-leak')).toHaveLength(2);

    const logs = output.join('');
    for (const event of ['participant context created', 'key pair rotated', 'self-issued token minted', 'presentation answered', 'key pair revoked']) {
      expect(logs).toContain(event);
    }
    for (const d of privateParts) {
      expect(responses.some((body) => body.includes(d))).toBe(false);
      expect(output.some((line) => line.includes(d))).toBe(false);
    }
    expect(responses.some((body) => /"d"\s*:/.test(body))).toBe(false);
  });
});

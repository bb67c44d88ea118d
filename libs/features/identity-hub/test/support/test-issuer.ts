import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { buildDidDocument, CredentialFormat, DidService, didWebForUrl, generateKeyPair, GeneratedKeyPair, issueJwtCredential, KeyAlgorithm, signSelfIssuedToken } from '@dsaas/identity';

/**
 * A party outside the hub (issuer or verifier) with its own did:web DID, served from a small HTTP server
 * on this machine, so the hub resolves it over real HTTP.
 */
export class TestParty {
  readonly did: string;
  readonly kid: string;
  services: DidService[] = [];
  /** Extra request handling (e.g. an issuer's DCP endpoint). */
  onRequest?: (method: string, path: string, body: string, headers: Record<string, string | string[] | undefined>) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

  private constructor(private readonly server: Server, readonly url: string, readonly keys: GeneratedKeyPair, name: string) {
    this.did = didWebForUrl(url, [name]);
    this.kid = `${this.did}#key-1`;
  }

  static async start(name: string, algorithm: KeyAlgorithm = 'ES256'): Promise<TestParty> {
    const keys = await generateKeyPair(algorithm);
    // Filled once the server listens (the DID needs its port); requests only arrive after that.
    const self: { party?: TestParty } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && path === `/${name}/did.json`) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(buildDidDocument(self.party!.did, [{ id: 'key-1', publicJwk: keys.publicJwk }], self.party!.services)));
          return;
        }
        const answer = self.party?.onRequest?.(req.method ?? 'GET', path, body, req.headers);
        if (answer) {
          res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) }).end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self.party = new TestParty(server, `http://localhost:${port}`, keys, name);
    return self.party;
  }

  issueCredential(holderDid: string, options: { types?: string[]; format?: CredentialFormat; validUntil?: string; subject?: Record<string, unknown> } = {}): Promise<string> {
    return issueJwtCredential({
      issuerDid: this.did,
      kid: this.kid,
      privateJwk: this.keys.privateJwk,
      algorithm: this.keys.algorithm,
      format: options.format ?? 'vc1_0_jwt',
      credential: {
        type: ['VerifiableCredential', ...(options.types ?? ['MembershipCredential'])],
        ...(options.validUntil ? { expirationDate: options.validUntil } : {}),
        credentialSubject: { id: holderDid, membership: { membershipType: 'FullMember', since: '2026-01-01T00:00:00Z' }, ...(options.subject ?? {}) },
      },
    });
  }

  selfIssuedToken(audience: string, options: { ttlSeconds?: number; claims?: Record<string, unknown> } = {}): Promise<string> {
    return signSelfIssuedToken({ did: this.did, kid: this.kid, privateJwk: this.keys.privateJwk, algorithm: this.keys.algorithm, audience, ...options });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Signs arbitrary claims with a key (for tokens the STS would never mint: expired, foreign kid, ...). */
export async function signRaw(privateJwk: import('jose').JWK, algorithm: KeyAlgorithm, kid: string, claims: Record<string, unknown>): Promise<string> {
  const { importJWK, SignJWT } = await import('jose');
  return new SignJWT(claims).setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' }).sign(await importJWK(privateJwk, algorithm));
}

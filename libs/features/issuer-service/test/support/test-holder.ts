import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { buildDidDocument, didWebForUrl, GeneratedKeyPair, generateKeyPair, signSelfIssuedToken } from '@dsaas/identity';

export interface ReceivedMessage {
  holder: string;
  authorization?: string;
  body: any;
}

export interface TestHolder {
  name: string;
  did: string;
  keys: GeneratedKeyPair;
  /** A self-issued ID token of this holder (iss = sub = its DID). */
  token(audience: string, options?: { ttlSeconds?: number; keys?: GeneratedKeyPair; kid?: string }): Promise<string>;
}

/**
 * Plays the holder side of DCP for the issuer under test: serves did:web documents whose CredentialService
 * points back here, and records the CredentialMessages the issuer delivers. `failNext` makes the storage
 * endpoint answer 503 that many times first (a holder that is down).
 */
export class TestHolderServer {
  readonly received: ReceivedMessage[] = [];
  failNext = 0;
  deliveryAttempts = 0;
  private readonly holders = new Map<string, TestHolder>();

  private constructor(private readonly server: Server, readonly baseUrl: string) {}

  static async start(): Promise<TestHolderServer> {
    const holder = { server: undefined as TestHolderServer | undefined };
    const server = createServer((req, res) => holder.server!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.server = new TestHolderServer(server, `http://127.0.0.1:${port}`);
    return holder.server;
  }

  async addHolder(name: string): Promise<TestHolder> {
    const keys = await generateKeyPair('ES256');
    const did = didWebForUrl(this.baseUrl, [name]);
    const holder: TestHolder = {
      name,
      did,
      keys,
      token: (audience, options = {}) => {
        const signing = options.keys ?? keys;
        return signSelfIssuedToken({
          did,
          kid: options.kid ?? `${did}#key-1`,
          privateJwk: signing.privateJwk,
          algorithm: signing.algorithm,
          audience,
          ttlSeconds: options.ttlSeconds,
        });
      },
    };
    this.holders.set(name, holder);
    return holder;
  }

  messagesFor(holder: TestHolder): ReceivedMessage[] {
    return this.received.filter((m) => m.holder === holder.name);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const didDocument = /^\/([^/]+)\/did\.json$/.exec(req.url ?? '');
    if (req.method === 'GET' && didDocument && this.holders.has(didDocument[1])) {
      const holder = this.holders.get(didDocument[1])!;
      const document = buildDidDocument(holder.did, [{ id: 'key-1', publicJwk: holder.keys.publicJwk }], [
        { id: `${holder.did}#credential-service`, type: 'CredentialService', serviceEndpoint: `${this.baseUrl}/api/credentials/${holder.name}` },
      ]);
      res.writeHead(200, { 'content-type': 'application/did+json' }).end(JSON.stringify(document));
      return;
    }
    const storage = /^\/api\/credentials\/([^/]+)\/credentials$/.exec(req.url ?? '');
    if (req.method === 'POST' && storage) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        this.deliveryAttempts++;
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(503).end();
          return;
        }
        this.received.push({ holder: storage[1], authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200).end();
      });
      return;
    }
    res.writeHead(404).end();
  }
}

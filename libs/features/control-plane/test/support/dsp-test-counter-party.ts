import * as http from 'http';
import { AddressInfo } from 'net';
import { decodeJwt } from 'jose';
import {
  buildDidDocument,
  didWebForUrl,
  generateKeyPair,
  GeneratedKeyPair,
  issueJwtCredential,
  issueJwtPresentation,
  signSelfIssuedToken,
} from '@dsaas/identity';
import { DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';

export interface ReceivedMessage {
  method: string;
  path: string;
  authorization?: string;
  body: any;
}

export type DspHandler = (message: ReceivedMessage) => { status: number; body?: unknown } | undefined;

/**
 * A counter-party connector the tests drive by hand, like a DSP TCK: its own did:web DID and key, a credential
 * issuer it controls, a DCP credential service answering presentation queries, and a DSP endpoint that records
 * what the control plane sends it and answers as a test says.
 */
export class TestCounterParty {
  readonly received: ReceivedMessage[] = [];
  /** Whether the credential service presents the MembershipCredential (false: an empty presentation). */
  presentMembership = true;
  /** Answers DSP messages; default 200 with no body (201 + a ContractNegotiation is set by tests that need it). */
  dspHandler: DspHandler = () => undefined;
  private server!: http.Server;
  private holderKey!: GeneratedKeyPair;
  private issuerKey!: GeneratedKeyPair;
  url = '';
  did = '';
  issuerDid = '';

  async start(): Promise<void> {
    this.holderKey = await generateKeyPair('ES256');
    this.issuerKey = await generateKeyPair('ES256');
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://localhost:${port}`;
    this.did = didWebForUrl(this.url, ['tck']);
    this.issuerDid = didWebForUrl(this.url, ['issuer']);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Its DSP endpoint (counterPartyAddress). */
  get dspAddress(): string {
    return `${this.url}/tck/dsp`;
  }

  /** A self-issued token of the counter-party for `audience`. */
  token(audience: string, claims: Record<string, unknown> = {}, ttlSeconds?: number): Promise<string> {
    return signSelfIssuedToken({ did: this.did, kid: 'key-1', privateJwk: this.holderKey.privateJwk, algorithm: 'ES256', audience, claims, ttlSeconds });
  }

  /** A token signed by a key that is not in the DID document, under the DID's key id. */
  async forgedToken(audience: string): Promise<string> {
    const other = await generateKeyPair('ES256');
    return signSelfIssuedToken({ did: this.did, kid: 'key-1', privateJwk: other.privateJwk, algorithm: 'ES256', audience });
  }

  messages(pathPart: string): ReceivedMessage[] {
    return this.received.filter((message) => message.path.includes(pathPart));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? safeJson(text) : undefined;
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    if (req.method === 'GET' && path === '/tck/did.json') {
      return send(200, buildDidDocument(this.did, [{ id: 'key-1', publicJwk: this.holderKey.publicJwk }], [
        { id: `${this.did}#credential-service`, type: 'CredentialService', serviceEndpoint: `${this.url}/tck/cs` },
      ]));
    }
    if (req.method === 'GET' && path === '/issuer/did.json') {
      return send(200, buildDidDocument(this.issuerDid, [{ id: 'key-1', publicJwk: this.issuerKey.publicJwk }], []));
    }
    if (req.method === 'POST' && path === '/tck/cs/presentations/query') {
      const verifier = verifierOf(req.headers.authorization);
      if (!verifier) return send(401, { error: 'a self-issued token is required' });
      return send(200, await this.presentation(verifier));
    }
    if (path.startsWith('/tck/dsp')) {
      const message = { method: req.method ?? 'GET', path: path.slice('/tck/dsp'.length), authorization: req.headers.authorization, body };
      this.received.push(message);
      const answer = this.dspHandler(message) ?? { status: 200 };
      return send(answer.status, answer.body);
    }
    send(404, { error: 'not found' });
  }

  private async presentation(verifierDid: string) {
    const credentials = this.presentMembership ? [await this.membershipCredential()] : [];
    const vp = await issueJwtPresentation({
      holderDid: this.did,
      kid: 'key-1',
      privateJwk: this.holderKey.privateJwk,
      algorithm: 'ES256',
      audience: verifierDid,
      credentials,
    });
    return { '@context': [DCP_CONTEXT_URL], type: 'PresentationResponseMessage', presentation: [vp] };
  }

  private membershipCredential(): Promise<string> {
    return issueJwtCredential({
      issuerDid: this.issuerDid,
      kid: 'key-1',
      privateJwk: this.issuerKey.privateJwk,
      algorithm: 'ES256',
      format: 'vc1_0_jwt',
      credential: {
        type: ['VerifiableCredential', 'MembershipCredential'],
        issuanceDate: new Date(Date.now() - 60_000).toISOString(),
        expirationDate: new Date(Date.now() + 3_600_000).toISOString(),
        credentialSubject: { id: this.did, membership: { membershipType: 'FullMember', since: '2025-01-01T00:00:00Z' }, membershipStartDate: '2025-01-01T00:00:00Z' },
      },
    });
  }
}

/** The verifier's DID from its self-issued token (the test credential service trusts the caller's own claim). */
function verifierOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

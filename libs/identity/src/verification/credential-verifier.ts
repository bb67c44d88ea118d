import { decodeJwt, decodeProtectedHeader, ProtectedHeaderParameters } from 'jose';
import { asArray } from '../credentials/credential-json';
import { DidResolver } from '../did/did-resolver';
import { DidKeyVerificationError, verifyWithDidKey } from '../keys/verify-with-did-key';
import { CredentialVerificationException } from './credential-verification.exception';
import { parseJwtCredential, toIso } from './parsed-jwt-credential';
import { StatusListResolver } from './status-list-resolver';
import { TrustedIssuers } from './trusted-issuers';
import { VerifiedCredential } from './verified-credential';

export interface CredentialVerifierOptions {
  resolver: DidResolver;
  trustedIssuers: TrustedIssuers;
  /** How long a fetched status list is reused: the delay after which a revocation is seen. Default 5 minutes. */
  statusListTtlMs?: number;
  fetch?: typeof fetch;
  /** Hosts whose status lists may be fetched over plain http. */
  allowHttpHosts?: string[];
  now?: () => Date;
  /** Default 60 s. */
  clockToleranceSeconds?: number;
  /** Status list fetch timeout. Default 5 s. */
  timeoutMs?: number;
}

export interface VerifyPresentationOptions {
  /** Our own identifier: the VP's aud must contain it. */
  audience: string;
  /** When given, the presenter must be this DID (e.g. the iss of the self-issued token that came with the request). */
  holderDid?: string;
  /** When given, the VP must carry this nonce. */
  nonce?: string;
}

export interface VerifiedPresentation {
  holder: string;
  credentials: VerifiedCredential[];
}

const STATUS_ENTRY_TYPES = ['BitstringStatusListEntry', 'StatusList2021Entry'];
const CHECKED_PURPOSES = ['revocation', 'suspension'];

/**
 * Verifies JWT VPs and VCs as DCP verifiers must: signature against the key the DID document names, issuer trusted
 * for every credential type, validity dates, holder binding (credentialSubject.id = VP holder = VP iss) and status.
 */
export class CredentialVerifier {
  private readonly statusLists: StatusListResolver;
  private readonly now: () => Date;
  private readonly tolerance: number;

  constructor(private readonly options: CredentialVerifierOptions) {
    this.now = options.now ?? (() => new Date());
    this.tolerance = options.clockToleranceSeconds ?? 60;
    this.statusLists = new StatusListResolver({
      resolver: options.resolver,
      ttlMs: options.statusListTtlMs ?? 5 * 60_000,
      fetch: options.fetch ?? fetch,
      allowHttpHosts: options.allowHttpHosts ?? [],
      timeoutMs: options.timeoutMs ?? 5_000,
      now: this.now,
    });
  }

  async verifyCredential(jwtVc: string, options: { holderDid?: string } = {}): Promise<VerifiedCredential> {
    const { header, payload } = decode(jwtVc, 'credential');
    const parsed = parseJwtCredential(header, payload);
    await this.checkSignature(jwtVc, parsed.issuer, 'credential');

    for (const type of parsed.types.length > 1 ? parsed.types.filter((type) => type !== 'VerifiableCredential') : parsed.types) {
      if (!this.options.trustedIssuers.isTrusted(parsed.issuer, type)) {
        throw new CredentialVerificationException('untrusted_issuer', `issuer ${parsed.issuer} is not trusted for ${type}`);
      }
    }
    this.checkDates(parsed.validFrom, parsed.validUntil, `credential ${parsed.id ?? ''}`.trim());
    if (options.holderDid !== undefined) {
      const foreign = parsed.subjects.find((subject) => subject.id !== options.holderDid);
      if (foreign) {
        throw new CredentialVerificationException('holder_mismatch', `credential subject ${foreign.id ?? '(none)'} is not the holder ${options.holderDid}`);
      }
    }
    await this.checkStatus(parsed.credential, parsed.issuer);

    return {
      id: parsed.id,
      types: parsed.types,
      issuer: parsed.issuer,
      subject: parsed.subjects[0],
      validFrom: toIso(parsed.validFrom),
      validUntil: toIso(parsed.validUntil),
      raw: jwtVc,
      payload,
      format: parsed.format,
    };
  }

  async verifyPresentation(jwtVp: string, options: VerifyPresentationOptions): Promise<VerifiedPresentation> {
    const { payload } = decode(jwtVp, 'presentation');
    const holder = payload.iss;
    if (typeof holder !== 'string' || !holder.startsWith('did:')) throw malformed('presentation iss is not a DID');
    // VC 1.1 JWT VP carries a `vp` claim; a VC 2.0 JOSE VP is the presentation itself.
    const presentation = payload.vp ?? (payload['@context'] ? payload : undefined);
    if (!presentation || typeof presentation !== 'object' || Array.isArray(presentation)) throw malformed('presentation has no vp claim');
    if (!asArray(presentation.type).includes('VerifiablePresentation')) throw malformed("vp type does not include 'VerifiablePresentation'");

    await this.checkSignature(jwtVp, holder, 'presentation');

    const audiences = asArray<unknown>(payload.aud);
    if (!audiences.includes(options.audience)) {
      throw new CredentialVerificationException('wrong_audience', `presentation is addressed to ${JSON.stringify(payload.aud ?? null)}, not ${options.audience}`);
    }
    if (typeof payload.exp !== 'number') throw malformed('presentation has no exp');
    this.checkDates(typeof payload.nbf === 'number' ? payload.nbf : typeof payload.iat === 'number' ? payload.iat : undefined, payload.exp, 'presentation');
    if (payload.sub !== undefined && payload.sub !== holder) throw new CredentialVerificationException('holder_mismatch', 'presentation sub differs from iss');
    if (presentation.holder !== undefined && presentation.holder !== holder) {
      throw new CredentialVerificationException('holder_mismatch', `vp.holder ${presentation.holder} differs from iss ${holder}`);
    }
    if (options.holderDid !== undefined && options.holderDid !== holder) {
      throw new CredentialVerificationException('holder_mismatch', `presentation is by ${holder}, expected ${options.holderDid}`);
    }
    if (options.nonce !== undefined && payload.nonce !== options.nonce) throw malformed('presentation nonce does not match');

    const credentials: VerifiedCredential[] = [];
    for (const entry of asArray<unknown>(presentation.verifiableCredential)) {
      credentials.push(await this.verifyCredential(credentialJwt(entry), { holderDid: holder }));
    }
    return { holder, credentials };
  }

  private async checkSignature(jwt: string, expectedDid: string, what: string): Promise<void> {
    try {
      await verifyWithDidKey(jwt, expectedDid, this.options.resolver);
    } catch (error) {
      if (!(error instanceof DidKeyVerificationError)) throw error;
      // An unresolvable or foreign key means the signature cannot be the signer's: a bad signature for the caller.
      const reason = error.reason === 'malformed' ? 'malformed' : 'bad_signature';
      throw new CredentialVerificationException(reason, `${what} signature: ${error.message}`);
    }
  }

  private checkDates(validFrom: number | undefined, validUntil: number | undefined, what: string): void {
    const now = this.now().getTime() / 1000;
    if (validUntil !== undefined && validUntil < now - this.tolerance) {
      throw new CredentialVerificationException('expired', `${what} expired at ${toIso(validUntil)}`);
    }
    if (validFrom !== undefined && validFrom > now + this.tolerance) {
      throw new CredentialVerificationException('not_yet_valid', `${what} is valid only from ${toIso(validFrom)}`);
    }
  }

  private async checkStatus(credential: Record<string, any>, issuer: string): Promise<void> {
    for (const entry of asArray<any>(credential.credentialStatus)) {
      if (!entry || typeof entry !== 'object') throw malformed('credentialStatus entry is not an object');
      // Unknown status mechanisms and informational purposes ('message', ...) do not make a credential invalid.
      if (!STATUS_ENTRY_TYPES.includes(entry.type) || !CHECKED_PURPOSES.includes(entry.statusPurpose)) continue;
      const index = Number(entry.statusListIndex);
      if (typeof entry.statusListCredential !== 'string' || !/^\d+$/.test(String(entry.statusListIndex)) || !Number.isSafeInteger(index)) {
        throw malformed('credentialStatus needs statusListCredential and a numeric statusListIndex');
      }
      const resolved = await this.statusLists.resolve(entry.statusListCredential, issuer);
      if (resolved.purpose !== entry.statusPurpose) {
        throw new CredentialVerificationException('status_unavailable', `status list ${entry.statusListCredential} is for ${resolved.purpose}, not ${entry.statusPurpose}`);
      }
      if (index >= resolved.list.length) throw malformed(`statusListIndex ${index} is outside the status list`);
      if (resolved.list.get(index)) {
        throw new CredentialVerificationException('revoked', `credential is ${entry.statusPurpose === 'suspension' ? 'suspended' : 'revoked'} (status list ${entry.statusListCredential}, index ${index})`);
      }
    }
  }
}

function decode(jwt: string, what: string): { header: ProtectedHeaderParameters; payload: Record<string, any> } {
  try {
    return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) as Record<string, any> };
  } catch (error) {
    throw malformed(`${what} is not a JWT: ${error?.message ?? error}`);
  }
}

/** VP entries are JWT strings (VC 1.1) or enveloped credentials with a data: URL (VC 2.0). */
function credentialJwt(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  const match = typeof id === 'string' ? /^data:application\/(?:vc\+jwt|vc\+ld\+jwt|jwt),(.+)$/.exec(id) : null;
  if (match) return match[1];
  throw malformed('verifiableCredential entries must be JWT strings or enveloped JWT credentials');
}

function malformed(message: string): CredentialVerificationException {
  return new CredentialVerificationException('malformed', message);
}

import { createHash } from 'crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { CredentialFormat } from '@dsaas/identity';
import { InvalidCredentialException } from './invalid-credential.exception';

export interface ParsedJwtCredential {
  format: CredentialFormat;
  credentialId?: string;
  types: string[];
  issuer: string;
  subjectIds: string[];
  validFrom?: Date;
  validUntil?: Date;
  /** The credential JSON (the `vc` claim of a VC 1.1 JWT, the payload of a VC 2.0 JOSE one). */
  content: Record<string, unknown>;
  contentHash: string;
}

const asArray = <T>(value: T | T[] | undefined | null): T[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

function date(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * Reads a JWT VC in either DCP format without verifying it: the holder keeps what it was given; verifiers check
 * signatures, trust and revocation when it is presented.
 */
export function parseJwtCredential(jwt: string): ParsedJwtCredential {
  let payload: Record<string, any>;
  try {
    // Both throw on anything that is not a compact JWS.
    decodeProtectedHeader(jwt);
    payload = decodeJwt(jwt);
  } catch {
    throw new InvalidCredentialException('The credential is not a JWT');
  }
  const isV1 = payload.vc && typeof payload.vc === 'object';
  const content: Record<string, any> = isV1 ? payload.vc : payload;
  const types = asArray<unknown>(content.type).filter((t): t is string => typeof t === 'string');
  if (!types.includes('VerifiableCredential')) throw new InvalidCredentialException("The JWT is not a verifiable credential (no 'VerifiableCredential' type)");
  const issuerValue = content.issuer ?? payload.iss;
  const issuer = typeof issuerValue === 'string' ? issuerValue : typeof issuerValue?.id === 'string' ? issuerValue.id : isV1 ? payload.iss : undefined;
  if (typeof issuer !== 'string' || !issuer) throw new InvalidCredentialException('The credential names no issuer');
  const subjects = asArray<any>(content.credentialSubject);
  const subjectIds = subjects.map((s) => s?.id).filter((id): id is string => typeof id === 'string');
  if (isV1 && subjectIds.length === 0 && typeof payload.sub === 'string') subjectIds.push(payload.sub);
  const credentialId = typeof content.id === 'string' ? content.id : typeof payload.jti === 'string' ? payload.jti : undefined;
  return {
    format: isV1 ? 'vc1_0_jwt' : 'vc2_0_jose',
    credentialId,
    types,
    issuer,
    subjectIds,
    validFrom: date(content.validFrom ?? content.issuanceDate ?? (isV1 ? payload.nbf : undefined)),
    validUntil: date(content.validUntil ?? content.expirationDate ?? (isV1 ? payload.exp : undefined)),
    content,
    contentHash: createHash('sha256').update(jwt).digest('hex'),
  };
}

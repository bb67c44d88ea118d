import { ProtectedHeaderParameters } from 'jose';
import { CredentialFormat } from '../credentials/credential-format';
import { asArray, epochSeconds, isoDateTime, issuerIdOf, typesOf } from '../credentials/credential-json';
import { CredentialVerificationException } from './credential-verification.exception';

export interface ParsedJwtCredential {
  format: CredentialFormat;
  credential: Record<string, any>;
  issuer: string;
  id?: string;
  types: string[];
  subjects: Record<string, any>[];
  /** Epoch seconds. */
  validFrom?: number;
  validUntil?: number;
}

/** Reads either JWT VC format into one shape; throws `malformed` for what is neither. */
export function parseJwtCredential(header: ProtectedHeaderParameters, payload: Record<string, any>): ParsedJwtCredential {
  try {
    const isV1 = payload.vc !== undefined;
    if (isV1 && (!payload.vc || typeof payload.vc !== 'object' || Array.isArray(payload.vc))) throw new Error('vc claim is not an object');
    if (!isV1 && payload['@context'] === undefined) throw new Error('neither a vc claim (VC 1.1 JWT) nor a credential payload (VC 2.0 JOSE)');
    if (!isV1 && header.typ !== undefined && !['vc+jwt', 'vc+ld+jwt', 'JWT'].includes(header.typ)) {
      throw new Error(`unexpected typ '${header.typ}'`);
    }
    const credential: Record<string, any> = isV1 ? payload.vc : payload;
    const credentialIssuer = issuerIdOf(credential.issuer);
    const issuer = isV1 ? (payload.iss ?? credentialIssuer) : credentialIssuer;
    if (typeof issuer !== 'string' || !issuer.startsWith('did:')) throw new Error('issuer is not a DID');
    if (isV1 && credentialIssuer !== undefined && credentialIssuer !== issuer) throw new Error('iss and vc.issuer differ');
    const types = typesOf(credential);
    if (!types.includes('VerifiableCredential')) throw new Error("type does not include 'VerifiableCredential'");
    const subjects = asArray(credential.credentialSubject);
    if (subjects.length === 0 || subjects.some((subject) => !subject || typeof subject !== 'object')) throw new Error('no credentialSubject');
    if (isV1 && payload.sub !== undefined && !subjects.some((subject) => subject.id === payload.sub)) {
      throw new Error('sub does not match credentialSubject.id');
    }
    const validFrom = isV1
      ? (numeric(payload.nbf, 'nbf') ?? epochSeconds(credential.issuanceDate ?? credential.validFrom, 'issuanceDate'))
      : epochSeconds(credential.validFrom ?? credential.issuanceDate, 'validFrom');
    const validUntil = isV1
      ? (numeric(payload.exp, 'exp') ?? epochSeconds(credential.expirationDate ?? credential.validUntil, 'expirationDate'))
      : epochSeconds(credential.validUntil ?? credential.expirationDate, 'validUntil');
    const id = typeof credential.id === 'string' ? credential.id : typeof payload.jti === 'string' ? payload.jti : undefined;
    return { format: isV1 ? 'vc1_0_jwt' : 'vc2_0_jose', credential, issuer, id, types, subjects, validFrom, validUntil };
  } catch (error) {
    if (error instanceof CredentialVerificationException) throw error;
    throw new CredentialVerificationException('malformed', `credential is malformed: ${error?.message ?? error}`);
  }
}

export function toIso(epoch: number | undefined): string | undefined {
  return epoch === undefined ? undefined : isoDateTime(epoch);
}

function numeric(value: unknown, claim: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${claim} is not a number`);
  return value;
}

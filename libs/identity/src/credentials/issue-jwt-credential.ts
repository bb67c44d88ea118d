import { JWK, SignJWT } from 'jose';
import { absoluteKeyId } from '../did/did-document';
import { KeyAlgorithm } from '../keys/key-algorithm';
import { importSigningKey } from '../keys/signing-key';
import { CredentialFormat, VC_1_1_CONTEXT, VC_2_0_CONTEXT } from './credential-format';
import { asArray, epochSeconds, isoDateTime, typesOf } from './credential-json';

export interface IssueJwtCredentialInput {
  issuerDid: string;
  /** Absolute `did#key-1` or a fragment of `issuerDid`. */
  kid: string;
  privateJwk: JWK;
  algorithm: KeyAlgorithm;
  format: CredentialFormat;
  /**
   * VC data model JSON without proof: @context, type, credentialSubject (id = holder DID), validFrom/validUntil or
   * issuanceDate/expirationDate, credentialStatus. `issuer` is set to `issuerDid`; missing @context, type and
   * issuance date get defaults for the format.
   */
  credential: Record<string, unknown>;
}

/** Signs a credential as a JWT in either DCP format. Throws an Error naming the member on unusable input. */
export async function issueJwtCredential(input: IssueJwtCredentialInput): Promise<string> {
  const kid = absoluteKeyId(input.issuerDid, input.kid);
  const key = await importSigningKey(input.privateJwk, input.algorithm);
  const credential = completeCredential(input.credential, input.issuerDid, input.format);
  const subjectIds = asArray(credential.credentialSubject as Record<string, unknown>[])
    .map((subject) => subject?.id)
    .filter((id): id is string => typeof id === 'string');

  if (input.format === 'vc2_0_jose') {
    // VC-JOSE-COSE §3.1.1: the payload is the credential; typ/cty say so.
    return new SignJWT(credential).setProtectedHeader({ alg: input.algorithm, kid, typ: 'vc+jwt', cty: 'vc' }).sign(key);
  }

  // VC Data Model 1.1 §6.3.1: registered claims carry issuer, subject, id and validity; `vc` carries the rest.
  const nbf = epochSeconds(credential.issuanceDate ?? credential.validFrom, 'issuanceDate');
  const exp = epochSeconds(credential.expirationDate ?? credential.validUntil, 'expirationDate');
  const jwt = new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: input.algorithm, kid, typ: 'JWT' })
    .setIssuer(input.issuerDid)
    .setIssuedAt();
  if (subjectIds.length === 1) jwt.setSubject(subjectIds[0]);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  if (exp !== undefined) jwt.setExpirationTime(exp);
  if (typeof credential.id === 'string') jwt.setJti(credential.id);
  return jwt.sign(key);
}

function completeCredential(input: Record<string, unknown>, issuerDid: string, format: CredentialFormat): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('credential must be a JSON object');
  if (input.proof !== undefined) throw new Error('credential must not carry a proof: the JWT is the proof');
  const subjects = asArray(input.credentialSubject as unknown[]);
  if (subjects.length === 0 || subjects.some((subject) => !subject || typeof subject !== 'object')) {
    throw new Error('credential needs a credentialSubject object');
  }
  const credential: Record<string, unknown> = { ...input };
  const contexts = asArray(credential['@context'] as unknown[]);
  const isV2 = contexts.length ? contexts[0] === VC_2_0_CONTEXT : format === 'vc2_0_jose';
  if (contexts.length === 0) credential['@context'] = [isV2 ? VC_2_0_CONTEXT : VC_1_1_CONTEXT];
  if (format === 'vc2_0_jose' && !isV2) throw new Error(`vc2_0_jose needs '${VC_2_0_CONTEXT}' as the first @context`);
  const types = typesOf(credential);
  credential.type = types.includes('VerifiableCredential') ? types : ['VerifiableCredential', ...types];
  credential.issuer = issuerDid;
  const now = isoDateTime(Math.floor(Date.now() / 1000));
  if (isV2) {
    if (credential.validFrom === undefined && credential.issuanceDate === undefined) credential.validFrom = now;
  } else if (credential.issuanceDate === undefined && credential.validFrom === undefined) {
    credential.issuanceDate = now;
  }
  for (const member of ['issuanceDate', 'expirationDate', 'validFrom', 'validUntil']) epochSeconds(credential[member], member);
  return credential;
}

import { isDeepStrictEqual } from 'util';
import { AttestationDefinition } from '../attestations/attestation-definition';
import { ClaimMapping, CredentialRule } from '../credential-definitions/credential-definition';
import { Holder } from '../holders/holder';
import { readPath, writePath } from './dotted-path';

/** What attestations found out about a holder: the data rules and mappings read. */
export interface AttestationData {
  holder: { holderId: string; did: string; name?: string; properties: Record<string, unknown> };
}

export type Evaluation = { ok: true } | { ok: false; reason: string };

/** A database attestation: the holder is in the member table and has the required properties. */
export function evaluateAttestation(definition: AttestationDefinition, holder: Holder | undefined): Evaluation {
  if (!holder) return { ok: false, reason: 'the holder is not a member of this issuer' };
  const missing = (definition.config.requiredProperties ?? []).filter((name) => isBlank(holder.properties[name]));
  if (missing.length) return { ok: false, reason: `the holder's record lacks ${missing.join(', ')}` };
  return { ok: true };
}

export function evaluateRules(rules: CredentialRule[], data: AttestationData): Evaluation {
  for (const rule of rules) {
    const value = readPath(data, rule.path);
    if (rule.type === 'required' && isBlank(value)) return { ok: false, reason: `${rule.path} is required` };
    if (rule.type === 'equals' && !isDeepStrictEqual(value, rule.value)) {
      return { ok: false, reason: `${rule.path} must equal ${JSON.stringify(rule.value)}` };
    }
  }
  return { ok: true };
}

/** The credentialSubject claims the mappings produce (sources that are absent and have no default are left out). */
export function mapClaims(mappings: ClaimMapping[], data: AttestationData): Record<string, unknown> {
  const target: Record<string, unknown> = { credentialSubject: {} };
  for (const mapping of mappings) {
    const value = readPath(data, mapping.from) ?? mapping.default;
    if (value !== undefined) writePath(target, mapping.to, value);
  }
  return target.credentialSubject as Record<string, unknown>;
}

export function attestationDataOf(holder: Holder): AttestationData {
  return { holder: { holderId: holder.holderId, did: holder.did, name: holder.name, properties: holder.properties } };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

import { Holder } from '../holders/holder';
import { defaultMembershipDefinition } from '../credential-definitions/credential-definition';
import { attestationDataOf, evaluateAttestation, evaluateRules, mapClaims } from './issuance-rules';
import { writePath } from './dotted-path';

const holder: Holder = {
  issuerContextId: 'issuer',
  holderId: 'acme',
  did: 'did:web:example.com:acme',
  properties: { membershipStartDate: '2026-01-01T00:00:00Z', tier: 'gold' },
  createdAt: new Date(),
  updatedAt: new Date(),
};
const attestation = { issuerContextId: 'issuer', id: 'db', type: 'database' as const, config: { table: 'holders' as const }, createdAt: new Date() };

describe('issuance rules', () => {
  it('attests members only, and only with the required properties', () => {
    expect(evaluateAttestation(attestation, holder)).toEqual({ ok: true });
    expect(evaluateAttestation(attestation, undefined)).toEqual({ ok: false, reason: 'the holder is not a member of this issuer' });
    expect(evaluateAttestation({ ...attestation, config: { table: 'holders', requiredProperties: ['vatId'] } }, holder)).toMatchObject({ ok: false });
  });

  it('checks required and equals rules against the attestation data', () => {
    const data = attestationDataOf(holder);
    expect(evaluateRules([{ type: 'required', path: 'holder.properties.tier' }, { type: 'equals', path: 'holder.properties.tier', value: 'gold' }], data)).toEqual({ ok: true });
    expect(evaluateRules([{ type: 'equals', path: 'holder.properties.tier', value: 'silver' }], data)).toEqual({
      ok: false,
      reason: 'holder.properties.tier must equal "silver"',
    });
    expect(evaluateRules([{ type: 'required', path: 'holder.properties.vatId' }], data)).toMatchObject({ ok: false });
  });

  it('maps the default MembershipCredential claims, with defaults for absent values', () => {
    const claims = mapClaims(defaultMembershipDefinition('issuer', new Date()).mappings, attestationDataOf(holder));
    expect(claims).toEqual({
      membership: { membershipType: 'FullMember', since: '2026-01-01T00:00:00Z' },
      membershipStartDate: '2026-01-01T00:00:00Z',
    });
  });

  it('refuses prototype-polluting paths', () => {
    expect(() => writePath({}, 'credentialSubject.__proto__.polluted', true)).toThrow();
    expect(({} as any).polluted).toBeUndefined();
  });
});

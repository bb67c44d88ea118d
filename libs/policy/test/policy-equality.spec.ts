import { compactPolicy, normalizePolicy, policyEquals, PolicyEngine, toAgreementPolicy } from '../src';
import { contextWith, membership } from './fixtures';

const offer = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'offer-1',
  '@type': 'Offer',
  assigner: 'did:web:provider',
  target: 'asset-1',
  permission: [
    {
      action: 'use',
      constraint: [
        { leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' },
        { or: [{ leftOperand: 'dayOfWeek', operator: 'lteq', rightOperand: 5 }, { leftOperand: 'agent.id', operator: 'isAnyOf', rightOperand: ['did:web:a', 'did:web:b'] }] },
      ],
    },
  ],
  prohibition: [{ action: 'distribute' }],
};

describe('policyEquals', () => {
  it("matches the consumer's request for an offer in another spelling, ignoring @id, type, target and parties", () => {
    const requested = {
      '@id': 'urn:uuid:other',
      '@type': 'odrl:Offer',
      'odrl:assignee': 'did:web:consumer',
      'odrl:target': { '@id': 'asset-1' },
      'odrl:prohibition': { 'odrl:action': { '@id': 'odrl:distribute' } },
      'odrl:permission': [
        {
          'odrl:action': { '@id': 'odrl:use' },
          'odrl:constraint': [
            // the or-branches and the constraints in a different order; numbers as strings (DSP carries strings)
            { 'odrl:or': [{ leftOperand: 'agent.id', operator: { '@id': 'odrl:isAnyOf' }, rightOperand: ['did:web:a', 'did:web:b'] }, { leftOperand: 'odrl:dayOfWeek', operator: 'odrl:lteq', rightOperand: '5' }] },
            { 'odrl:leftOperand': { '@id': 'MembershipCredential' }, 'odrl:operator': { '@id': 'odrl:eq' }, 'odrl:rightOperand': 'active' },
          ],
        },
      ],
    };
    expect(policyEquals(offer, requested)).toBe(true);
    expect(policyEquals(offer, toAgreementPolicy(offer, { assignee: 'did:web:consumer', assigner: 'did:web:provider', target: 'asset-1' }))).toBe(true);
  });

  it.each([
    ['a changed right operand', (p: typeof offer) => (p.permission[0].constraint[0] as { rightOperand: string }).rightOperand = 'inactive'],
    ['a dropped constraint', (p: typeof offer) => p.permission[0].constraint.pop()],
    ['a dropped prohibition', (p: typeof offer) => (p.prohibition = [])],
    ['another action', (p: typeof offer) => (p.permission[0].action = 'read')],
    ['or turned into and', (p: typeof offer) => {
      const logical = p.permission[0].constraint[1] as { or?: unknown; and?: unknown };
      logical.and = logical.or;
      delete logical.or;
    }],
  ])('tells apart %s', (_name, change) => {
    const changed = structuredClone(offer);
    change(changed);
    expect(policyEquals(offer, changed)).toBe(false);
  });

  it('equals nothing when a policy is invalid', () => {
    expect(policyEquals(offer, { permission: [{ action: 'use', constraint: [{ leftOperand: 'x', operator: 'like', rightOperand: 1 }] }] })).toBe(false);
    expect(policyEquals(null, null)).toBe(false);
  });
});

describe('toAgreementPolicy', () => {
  it('keeps the rules, types the policy Agreement and binds parties, asset, id and timestamp', () => {
    const agreement = toAgreementPolicy(offer, {
      id: 'agreement-1',
      assignee: 'did:web:consumer',
      assigner: 'did:web:provider',
      target: 'asset-1',
      timestamp: new Date('2025-06-01T00:00:00Z'),
    });
    expect(agreement).toEqual({
      ...normalizePolicy(offer),
      '@id': 'agreement-1',
      '@type': 'Agreement',
      target: 'asset-1',
      assigner: 'did:web:provider',
      assignee: 'did:web:consumer',
      timestamp: '2025-06-01T00:00:00.000Z',
    });
    // The agreement still decides like the offer did.
    const engine = new PolicyEngine();
    expect(engine.evaluate(agreement, 'transfer.process', contextWith([membership()])).allowed).toBe(engine.evaluate(offer, 'contract.negotiation', contextWith([membership()])).allowed);
  });

  it('renders compact JSON-LD for the management API (all lists) and DSP (no empty lists)', () => {
    const agreement = toAgreementPolicy({ permission: [{ action: 'use' }] }, { assignee: 'did:web:c', assigner: 'did:web:p', target: 'a' });
    expect(compactPolicy(agreement)).toEqual({
      '@type': 'Agreement',
      target: 'a',
      assigner: 'did:web:p',
      assignee: 'did:web:c',
      permission: [{ action: 'use', constraint: [] }],
      prohibition: [],
      obligation: [],
    });
    expect(compactPolicy(agreement, { omitEmptyRules: true })).toEqual({
      '@type': 'Agreement',
      target: 'a',
      assigner: 'did:web:p',
      assignee: 'did:web:c',
      permission: [{ action: 'use', constraint: [] }],
    });
  });
});

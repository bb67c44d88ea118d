import { InvalidPolicyException, normalizePolicy } from '../src';

describe('normalizePolicy', () => {
  it('reads the EDC management API compact form', () => {
    const policy = normalizePolicy({
      '@context': ['https://w3id.org/edc/connector/management/v2'],
      '@type': 'Set',
      permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
    });
    expect(policy).toEqual({
      '@type': 'Set',
      permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
      prohibition: [],
      obligation: [],
    });
  });

  it('reads odrl:-prefixed keys, {"@id"} values, single objects for lists and logical constraints', () => {
    const policy = normalizePolicy({
      '@id': 'offer-1',
      '@type': 'odrl:Offer',
      'odrl:permission': {
        'odrl:action': { '@id': 'odrl:use' },
        'odrl:constraint': {
          'odrl:or': [
            { 'odrl:leftOperand': { '@id': 'odrl:dateTime' }, 'odrl:operator': { '@id': 'odrl:lteq' }, 'odrl:rightOperand': { '@value': '2026-01-01T00:00:00Z' } },
            { 'odrl:leftOperand': 'edc:inForceDate', 'odrl:operator': { '@id': 'http://www.w3.org/ns/odrl/2/gteq' }, 'odrl:rightOperand': 'contractAgreement+0s' },
          ],
        },
      },
      'odrl:target': { '@id': 'asset-1' },
    });
    expect(policy).toEqual({
      '@id': 'offer-1',
      '@type': 'Offer',
      target: 'asset-1',
      permission: [
        {
          action: 'use',
          constraint: [
            {
              or: [
                { leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2026-01-01T00:00:00Z' },
                { leftOperand: 'inForceDate', operator: 'gteq', rightOperand: 'contractAgreement+0s' },
              ],
            },
          ],
        },
      ],
      prohibition: [],
      obligation: [],
    });
  });

  it('unwraps an EDC PolicyDefinition, reads old upper-case actions and operator aliases, defaults the type to Set', () => {
    const policy = normalizePolicy({
      '@type': 'PolicyDefinition',
      policy: { permission: [{ action: { type: 'USE' }, constraint: [{ leftOperand: 'x', operator: 'GEQ', rightOperand: 1 }] }] },
    });
    expect(policy['@type']).toBe('Set');
    expect(policy.permission[0]).toEqual({ action: 'use', constraint: [{ leftOperand: 'x', operator: 'gteq', rightOperand: 1 }] });
  });

  it('keeps duties and rule-level parties', () => {
    const policy = normalizePolicy({ permission: [{ action: 'use', assignee: 'did:web:b', duty: { action: 'delete', constraint: [] } }] });
    expect(policy.permission[0]).toEqual({ action: 'use', assignee: 'did:web:b', constraint: [], duty: [{ action: 'delete', constraint: [] }] });
  });

  it.each([
    ['not an object', 'x', '$'],
    ['unknown operator', { permission: [{ action: 'use', constraint: [{ leftOperand: 'a', operator: 'like', rightOperand: 'b' }] }] }, 'permission[0].constraint[0].operator'],
    ['missing rightOperand', { permission: [{ action: 'use', constraint: { leftOperand: 'a', operator: 'eq' } }] }, 'permission[0].constraint[0]'],
    ['missing action', { prohibition: [{ constraint: [] }] }, 'prohibition[0].action'],
    ['two logical operators', { permission: [{ action: 'use', constraint: { and: [], or: [] } }] }, 'permission[0].constraint[0]'],
    ['empty logical constraint', { permission: [{ action: 'use', constraint: { and: [] } }] }, 'permission[0].constraint[0]'],
    ['unknown policy type', { '@type': 'Contract' }, '@type'],
  ])('rejects %s with a 400 naming where', (_name, input, path) => {
    let thrown: unknown;
    try {
      normalizePolicy(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidPolicyException);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid_policy', path });
  });
});

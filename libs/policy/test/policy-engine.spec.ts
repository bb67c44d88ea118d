import { PolicyEngine } from '../src';
import { CONSUMER, NOW, contextWith, credential, membership, permit } from './fixtures';

const engine = new PolicyEngine();
const membershipPolicy = permit({ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' });

describe('PolicyEngine', () => {
  describe('rules', () => {
    it('allows an empty policy and a permission without constraints', () => {
      expect(engine.evaluate({ '@type': 'Set' }, 'catalog', contextWith([]))).toEqual({ allowed: true, reasons: [] });
      expect(engine.evaluate({ permission: [{ action: 'use' }] }, 'catalog', contextWith([]))).toEqual({ allowed: true, reasons: [] });
    });

    it('needs every permission to hold', () => {
      const policy = {
        permission: [
          { action: 'use', constraint: [{ leftOperand: 'agent.id', operator: 'eq', rightOperand: CONSUMER }] },
          { action: 'use', constraint: [{ leftOperand: 'dayOfWeek', operator: 'eq', rightOperand: 1 }] }, // NOW is a Sunday (7)
        ],
      };
      const decision = engine.evaluate(policy, 'catalog', contextWith([]));
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toEqual(['permission[1] (use): constraint dayOfWeek eq 1 does not hold: dayOfWeek (7) is not eq 1']);
    });

    it('denies when a prohibition applies, not when its constraints fail', () => {
      const prohibited = (rightOperand: string) => ({
        permission: [{ action: 'use' }],
        prohibition: [{ action: 'use', constraint: [{ leftOperand: 'agent.id', operator: 'eq', rightOperand }] }],
      });
      const denied = engine.evaluate(prohibited(CONSUMER), 'contract.negotiation', contextWith([]));
      expect(denied).toEqual({ allowed: false, reasons: ['prohibition[0] (use) applies: its constraints hold'] });
      expect(engine.evaluate(prohibited('did:web:someone-else'), 'contract.negotiation', contextWith([])).allowed).toBe(true);
      expect(engine.evaluate({ prohibition: [{ action: 'use' }] }, 'catalog', contextWith([])).reasons).toEqual([
        'prohibition[0] (use) applies: it has no constraints',
      ]);
    });

    it('treats obligations and permission duties as constraints that must hold', () => {
      const obligation = { obligation: [{ action: 'notify', constraint: [membershipPolicy.permission[0].constraint[0]] }] };
      expect(engine.evaluate(obligation, 'catalog', contextWith([membership()])).allowed).toBe(true);
      const withoutCredential = engine.evaluate(obligation, 'catalog', contextWith([]));
      expect(withoutCredential.allowed).toBe(false);
      expect(withoutCredential.reasons[0]).toMatch(/^obligation\[0\] \(notify\): constraint MembershipCredential eq "active" does not hold/);

      const duty = { permission: [{ action: 'use', duty: [{ action: 'delete', constraint: [{ leftOperand: 'dayOfWeek', operator: 'eq', rightOperand: 3 }] }] }] };
      expect(engine.evaluate(duty, 'catalog', contextWith([])).reasons[0]).toMatch(/^permission\[0\] \(use\): duty \(delete\): /);
    });
  });

  describe('logical constraints', () => {
    const day = (rightOperand: number) => ({ leftOperand: 'dayOfWeek', operator: 'eq', rightOperand }); // NOW: 7
    it.each([
      ['and', [7, 7], true],
      ['and', [7, 1], false],
      ['andSequence', [7, 7], true],
      ['or', [1, 7], true],
      ['or', [1, 2], false],
      ['xone', [1, 7], true],
      ['xone', [7, 7], false],
      ['xone', [1, 2], false],
    ])('%s over %p → %s', (operator, operands, allowed) => {
      expect(engine.evaluate(permit({ [operator]: operands.map(day) }), 'catalog', contextWith([])).allowed).toBe(allowed);
    });

    it('nests and explains', () => {
      const policy = permit({ or: [{ and: [day(7), day(1)] }, day(2)] });
      const decision = engine.evaluate(policy, 'catalog', contextWith([]));
      expect(decision.allowed).toBe(false);
      expect(decision.reasons[0]).toContain('none of 2 alternatives (or) holds');
      expect(engine.evaluate(permit({ xone: [day(7), day(7)] }), 'catalog', contextWith([])).reasons[0]).toContain(
        'exactly one of 2 constraints (xone) must hold, 2 do',
      );
    });
  });

  describe('fails closed', () => {
    it('denies an unknown left operand, even inside an or whose other branch holds, and in a prohibition', () => {
      const unknown = { leftOperand: 'BusinessPartnerNumber', operator: 'eq', rightOperand: 'BPNL1' };
      expect(engine.evaluate(permit(unknown), 'catalog', contextWith([]))).toEqual({
        allowed: false,
        reasons: ['permission[0] (use): unknown left operand BusinessPartnerNumber in scope catalog'],
      });
      expect(engine.evaluate(permit({ or: [unknown, { leftOperand: 'agent.id', operator: 'eq', rightOperand: CONSUMER }] }), 'catalog', contextWith([])).allowed).toBe(false);
      const prohibition = engine.evaluate({ prohibition: [{ action: 'use', constraint: [unknown] }] }, 'catalog', contextWith([]));
      expect(prohibition.allowed).toBe(false);
      expect(prohibition.reasons[0]).toContain('unknown left operand BusinessPartnerNumber');
    });

    it('denies an invalid policy, an unknown scope, a missing agent, a throwing function, an unsupported operator', () => {
      expect(engine.evaluate({ permission: [{ action: 'use', constraint: [{ leftOperand: 'a', operator: 'like', rightOperand: 1 }] }] }, 'catalog', contextWith([])).reasons[0]).toMatch(
        /^invalid policy at permission\[0\]\.constraint\[0\]\.operator: unknown operator 'like'/,
      );
      expect(engine.evaluate({}, 'bogus' as never, contextWith([])).allowed).toBe(false);
      expect(engine.evaluate({}, 'catalog', {} as never)).toEqual({ allowed: false, reasons: ['the evaluation context has no agent'] });

      const custom = new PolicyEngine().registerFunction('boom', '*', () => {
        throw new Error('database unreachable');
      });
      expect(custom.evaluate(permit({ leftOperand: 'boom', operator: 'eq', rightOperand: 1 }), 'catalog', contextWith([])).reasons).toEqual([
        'permission[0] (use): function for boom failed: database unreachable',
      ]);
      expect(engine.evaluate(permit({ leftOperand: 'dateTime', operator: 'isA', rightOperand: 'x' }), 'catalog', contextWith([])).allowed).toBe(false);
    });
  });

  describe('function registry', () => {
    it('binds functions per scope; an operand bound elsewhere is unknown here', () => {
      const custom = new PolicyEngine().registerFunction('region', ['contract.negotiation'], (operator, right) => operator === 'eq' && right === 'EU');
      const policy = permit({ leftOperand: 'region', operator: 'eq', rightOperand: 'EU' });
      expect(custom.evaluate(policy, 'contract.negotiation', contextWith([])).allowed).toBe(true);
      expect(custom.evaluate(policy, 'catalog', contextWith([])).reasons).toEqual(['permission[0] (use): unknown left operand region in scope catalog']);
      const no = custom.evaluate(permit({ leftOperand: 'region', operator: 'eq', rightOperand: 'US' }), 'contract.negotiation', contextWith([]));
      expect(no.reasons).toEqual(['permission[0] (use): constraint region eq "US" does not hold']);
    });

    it('supports prefix registrations, exact over prefix, and verdicts with reasons', () => {
      const custom = new PolicyEngine({ builtIns: false })
        .registerFunction('tier.*', '*', (_op, right, _ctx, leftOperand) => ({ allowed: leftOperand === `tier.${right}`, reason: `wrong tier ${leftOperand}` }))
        .registerFunction('tier.gold', '*', () => true);
      expect(custom.evaluate(permit({ leftOperand: 'tier.silver', operator: 'eq', rightOperand: 'silver' }), 'catalog', contextWith([])).allowed).toBe(true);
      expect(custom.evaluate(permit({ leftOperand: 'tier.gold', operator: 'eq', rightOperand: 'x' }), 'catalog', contextWith([])).allowed).toBe(true);
      expect(custom.evaluate(permit({ leftOperand: 'tier.bronze', operator: 'eq', rightOperand: 'x' }), 'catalog', contextWith([])).reasons[0]).toContain('wrong tier tier.bronze');
      expect(custom.evaluate(membershipPolicy, 'catalog', contextWith([membership()])).reasons[0]).toContain('unknown left operand MembershipCredential');
    });
  });

  describe('MembershipCredential (access policy in catalog scope)', () => {
    it('shows the offer to a consumer with a valid membership', () => {
      expect(engine.evaluate(membershipPolicy, 'catalog', contextWith([membership()]))).toEqual({ allowed: true, reasons: [] });
    });

    it('hides the offer from a consumer without the credential', () => {
      const decision = engine.evaluate(membershipPolicy, 'catalog', contextWith([credential('DataProcessorCredential', { level: 'processing' })]));
      expect(decision).toEqual({
        allowed: false,
        reasons: [`permission[0] (use): constraint MembershipCredential eq "active" does not hold: ${CONSUMER} holds no MembershipCredential`],
      });
    });

    it('hides the offer when the membership expired or is not yet valid', () => {
      const expired = engine.evaluate(membershipPolicy, 'catalog', contextWith([membership({ validUntil: '2025-06-01T00:00:00Z' })]));
      expect(expired.allowed).toBe(false);
      expect(expired.reasons[0]).toContain('holds no valid MembershipCredential (expired)');
      const future = engine.evaluate(membershipPolicy, 'catalog', contextWith([membership({ validFrom: '2026-01-01T00:00:00Z' })]));
      expect(future.reasons[0]).toContain('(not-yet-valid)');
    });

    it('honours VC 1.1 dates, prefixed type names, neq and rejects other right operands', () => {
      const legacy = { type: ['VerifiableCredential', 'cx:MembershipCredential'], issuer: 'did:web:i', credentialSubject: {}, issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2025-01-01T00:00:00Z' };
      expect(engine.evaluate(membershipPolicy, 'catalog', contextWith([legacy])).allowed).toBe(false);
      expect(engine.evaluate(membershipPolicy, 'catalog', contextWith([{ ...legacy, expirationDate: '2030-01-01T00:00:00Z' }])).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'MembershipCredential', operator: 'neq', rightOperand: 'active' }), 'catalog', contextWith([])).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'gold' }), 'catalog', contextWith([membership()])).reasons[0]).toContain(
        "supports only eq/neq 'active'",
      );
    });

    it('checks any credential type with credential.<Type> and FrameworkAgreement', () => {
      const dataProcessor = credential('DataProcessorCredential', { level: 'processing' });
      expect(engine.evaluate(permit({ leftOperand: 'credential.DataProcessorCredential', operator: 'eq', rightOperand: 'active' }), 'catalog', contextWith([dataProcessor])).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'credential.DataProcessorCredential', operator: 'eq', rightOperand: 'active' }), 'catalog', contextWith([membership()])).allowed).toBe(false);

      const governance = credential('DataExchangeGovernanceCredential', { contractVersion: '1.0' });
      const framework = (rightOperand: string) => permit({ leftOperand: 'FrameworkAgreement', operator: 'eq', rightOperand });
      expect(engine.evaluate(framework('DataExchangeGovernance'), 'contract.negotiation', contextWith([governance])).allowed).toBe(true);
      expect(engine.evaluate(framework('DataExchangeGovernance:1.0'), 'contract.negotiation', contextWith([governance])).allowed).toBe(true);
      expect(engine.evaluate(framework('DataExchangeGovernance:2.0'), 'contract.negotiation', contextWith([governance])).allowed).toBe(false);
      expect(engine.evaluate(framework('Traceability'), 'contract.negotiation', contextWith([governance])).allowed).toBe(false);
    });
  });

  describe('claim values', () => {
    const claim = (operator: string, rightOperand: unknown, leftOperand = 'claim.MembershipCredential.membership.membershipType') => permit({ leftOperand, operator, rightOperand });

    it('compares a credential subject value', () => {
      expect(engine.evaluate(claim('eq', 'FullMember'), 'contract.negotiation', contextWith([membership()])).allowed).toBe(true);
      const partner = engine.evaluate(claim('eq', 'FullMember'), 'contract.negotiation', contextWith([membership(undefined, 'Partner')]));
      expect(partner.allowed).toBe(false);
      expect(partner.reasons[0]).toContain('claim.MembershipCredential.membership.membershipType ("Partner") is not eq "FullMember"');
      expect(engine.evaluate(claim('isAnyOf', ['Partner', 'FullMember']), 'catalog', contextWith([membership(undefined, 'Partner')])).allowed).toBe(true);
      expect(engine.evaluate(claim('lt', '2024-06-01', 'claim.MembershipCredential.membership.since'), 'catalog', contextWith([membership()])).allowed).toBe(true);
    });

    it('fails when the claim is absent or only in an expired credential', () => {
      expect(engine.evaluate(claim('eq', 'FullMember'), 'catalog', contextWith([])).reasons[0]).toContain(`${CONSUMER} has no claim MembershipCredential.membership.membershipType`);
      expect(engine.evaluate(claim('neq', 'Partner'), 'catalog', contextWith([])).allowed).toBe(false);
      expect(engine.evaluate(claim('eq', 'FullMember'), 'catalog', contextWith([membership({ validUntil: '2025-01-02T00:00:00Z' })])).allowed).toBe(false);
    });

    it('combines values of several credentials: set operators over the union, neq over all', () => {
      const roles = [credential('RoleCredential', { role: 'reader' }), credential('RoleCredential', [{ role: 'writer' }, { role: ['auditor'] }])];
      const role = (operator: string, rightOperand: unknown) => engine.evaluate(claim(operator, rightOperand, 'claim.RoleCredential.role'), 'catalog', contextWith(roles)).allowed;
      expect(role('eq', 'writer')).toBe(true);
      expect(role('isAllOf', ['reader', 'auditor'])).toBe(true);
      expect(role('isNoneOf', ['admin'])).toBe(true);
      expect(role('isNoneOf', ['admin', 'reader'])).toBe(false);
      expect(role('neq', 'admin')).toBe(true);
      expect(role('neq', 'reader')).toBe(false);
    });

    it('reads claims outside credentials', () => {
      const context = { agent: { id: CONSUMER, claims: { vc: [], region: { code: 'EU' } } }, now: NOW };
      expect(engine.evaluate(claim('eq', 'EU', 'claim.region.code'), 'catalog', context).allowed).toBe(true);
    });
  });

  describe('inForceDate (transfer scope: the agreement is still valid)', () => {
    const signed = new Date('2025-06-01T00:00:00Z');
    const agreement = { id: 'agreement-1', assetId: 'asset-1', consumerId: CONSUMER, providerId: 'did:web:provider', signingDate: signed.getTime() / 1000 };
    const term = (end: string) => ({
      permission: [
        {
          action: 'use',
          constraint: [{ and: [{ leftOperand: 'inForceDate', operator: 'gteq', rightOperand: 'contractAgreement+0s' }, { leftOperand: 'inForceDate', operator: 'lteq', rightOperand: end }] }],
        },
      ],
    });

    it('allows a transfer while the agreement is in force', () => {
      expect(engine.evaluate(term('contractAgreement+30d'), 'transfer.process', contextWith([], { agreement }))).toEqual({ allowed: true, reasons: [] });
    });

    it('blocks a new transfer once the agreement expired', () => {
      const decision = engine.evaluate(term('contractAgreement+7d'), 'transfer.process', contextWith([], { agreement }));
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toEqual([
        'permission[0] (use): constraint inForceDate lteq "contractAgreement+7d" does not hold: agreement agreement-1 has expired: now (2025-06-15T12:00:00.000Z) is not lteq 2025-06-08T00:00:00.000Z',
      ]);
    });

    it('accepts ISO dates, ISO and millisecond signing dates, every unit, and holds before signing', () => {
      const at = (rightOperand: string, signingDate: unknown = agreement.signingDate) =>
        engine.evaluate(permit({ leftOperand: 'inForceDate', operator: 'lteq', rightOperand }), 'transfer.process', contextWith([], { agreement: { ...agreement, signingDate } as never })).allowed;
      expect(at('2025-07-01T00:00:00Z')).toBe(true);
      expect(at('2025-06-10T00:00:00Z')).toBe(false);
      expect(at('contractAgreement+15d', '2025-06-01T00:00:00Z')).toBe(true);
      expect(at('contractAgreement+14d', signed.getTime())).toBe(false);
      expect(at('contractAgreement+361h')).toBe(true);
      expect(at('contractAgreement+21600m')).toBe(true);
      expect(at('contractAgreement+1209600s')).toBe(false);
      expect(at('next tuesday')).toBe(false);
      expect(engine.evaluate(permit({ leftOperand: 'inForceDate', operator: 'gteq', rightOperand: 'contractAgreement+1d' }), 'transfer.process', contextWith([], { agreement })).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'inForceDate', operator: 'gteq', rightOperand: '2026-01-01T00:00:00Z' }), 'transfer.process', contextWith([], { agreement })).reasons[0]).toContain(
        'is not yet in force',
      );
      // In negotiation there is no agreement yet: it would be signed now, so a relative term holds.
      expect(engine.evaluate(term('contractAgreement+30d'), 'contract.negotiation', contextWith([])).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'inForceDate', operator: 'lteq', rightOperand: 'contractAgreement+1d' }), 'transfer.process', contextWith([], { agreement: { id: 'x' } })).reasons[0]).toContain(
        'agreement x has no readable signing date',
      );
    });

    it('evaluates ODRL dateTime against now', () => {
      expect(engine.evaluate(permit({ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2025-12-31T06:00Z' }), 'transfer.process', contextWith([])).allowed).toBe(true);
      expect(engine.evaluate(permit({ leftOperand: 'odrl:dateTime', operator: 'gt', rightOperand: '2025-12-31T06:00Z' }), 'transfer.process', contextWith([])).allowed).toBe(false);
    });
  });
});

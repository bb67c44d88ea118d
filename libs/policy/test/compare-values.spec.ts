import { compareValues, OdrlOperator } from '../src';

describe('compareValues (operator semantics)', () => {
  it.each<[OdrlOperator, unknown, unknown, boolean]>([
    // eq / neq: numbers and numeric strings numerically, dates chronologically, others exactly
    ['eq', 'gold', 'gold', true],
    ['eq', 'gold', 'Gold', false],
    ['eq', 3, '3', true],
    ['eq', '3.0', 3, true],
    ['eq', '2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00', true],
    ['eq', new Date('2025-01-01T00:00:00Z'), '2025-01-01T00:00:00Z', true],
    ['eq', true, 'true', true],
    ['eq', ['a', 'b'], ['b', 'a'], true],
    ['eq', ['a', 'b'], ['a'], false],
    ['eq', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ['eq', null, 'x', false],
    ['neq', 'gold', 'silver', true],
    ['neq', 3, '3', false],
    // ordering
    ['gt', 10, 9, true],
    ['gt', '10', '9', true],
    ['gt', 9, 9, false],
    ['gteq', 9, '9', true],
    ['lt', '2025-01-01', '2025-06-01T00:00:00Z', true],
    ['lt', 2, 1, false],
    ['lteq', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', true],
    ['lteq', 'b', 'a', false],
    ['gt', 'b', 'a', false], // no common kind: ordering does not hold
    ['gt', [5], 1, false],
    // sets
    ['isAnyOf', 'gold', ['gold', 'silver'], true],
    ['isAnyOf', 'bronze', ['gold', 'silver'], false],
    ['isAnyOf', ['bronze', 'silver'], ['gold', 'silver'], true],
    ['isAnyOf', 2, ['1', '2'], true],
    ['isAllOf', ['a', 'b', 'c'], ['a', 'c'], true],
    ['isAllOf', ['a', 'b'], ['a', 'c'], false],
    ['isAllOf', 'a', ['a'], true],
    ['isNoneOf', 'bronze', ['gold', 'silver'], true],
    ['isNoneOf', ['bronze', 'gold'], ['gold', 'silver'], false],
    // parts
    ['hasPart', 'urn:bpn:BPNL000', 'BPNL', true],
    ['hasPart', 'urn:bpn:BPNL000', 'XYZ', false],
    ['hasPart', ['a', 'b', 'c'], 'b', true],
    ['hasPart', ['a', 'b', 'c'], ['a', 'c'], true],
    ['hasPart', ['a', 'b'], 'z', false],
    ['hasPart', 42, '4', false],
    ['isPartOf', 'BPNL', 'urn:bpn:BPNL000', true],
    ['isPartOf', 'b', ['a', 'b'], true],
    ['isPartOf', 'z', ['a', 'b'], false],
    // unsupported vocabulary operators never hold
    ['isA', 'x', 'x', false],
    ['term-lteq', 1, 2, false],
  ])('%s(%j, %j) is %s', (operator, actual, right, expected) => {
    expect(compareValues(operator, actual, right)).toBe(expected);
  });
});

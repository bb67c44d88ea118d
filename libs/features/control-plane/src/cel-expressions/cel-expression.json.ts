import { withContext } from '../common/json-ld';
import { CelExpression } from './cel-expression';

/** Compact JSON-LD of a CEL expression. */
export function celExpressionToJson(expression: CelExpression) {
  return withContext({
    '@id': expression.id,
    '@type': 'CelExpression',
    leftOperand: expression.leftOperand,
    expression: expression.expression,
    ...(expression.description !== undefined ? { description: expression.description } : {}),
    scopes: expression.scopes,
    createdAt: expression.createdAt.getTime(),
    lastModified: expression.updatedAt.getTime(),
  });
}

export const CEL_EXPRESSION_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'membership',
  '@type': 'CelExpression',
  leftOperand: 'MembershipCredential',
  expression:
    "ctx.agent.claims.vc.filter(c, c.type.exists(t, t == 'MembershipCredential')).exists(c, c.credentialSubject.exists(cs, timestamp(cs.membershipStartDate) < now))",
  description: 'The counter-party holds a MembershipCredential that has started',
  scopes: ['catalog', 'contract.negotiation', 'transfer.process'],
};

export const CEL_EXPRESSION_EXAMPLE = { ...CEL_EXPRESSION_REQUEST_EXAMPLE, createdAt: 1767268800000, lastModified: 1767268800000 };

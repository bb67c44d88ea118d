import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

/** CEL expression fields for QuerySpec filters. */
export function celExpressionField(field: string, bind: BindParameter): SqlField | undefined {
  switch (field) {
    case '@id':
    case 'id':
      return { kind: 'text', expression: '"e"."id"' };
    case 'leftOperand':
      return { kind: 'text', expression: '"e"."left_operand"' };
    case 'expression':
      return { kind: 'text', expression: '"e"."expression"' };
    case 'description':
      return { kind: 'text', expression: '"e"."description"' };
    case 'scopes':
      return jsonField('"e"."scopes"', '', bind);
    case 'createdAt':
      return { kind: 'timestamp', expression: '"e"."created_at"' };
  }
  return undefined;
}

import { BodyReader } from '../common/body-reader';
import { compactJson } from '../common/json-ld';
import { CEL_SCOPES, CelScope } from './cel-expression';
import { celCompileError } from './compile-cel-expression';

export interface CelExpressionInput {
  id?: string;
  leftOperand: string;
  expression: string;
  description?: string;
  scopes: CelScope[];
}

export const MAX_CEL_EXPRESSION_LENGTH = 8192;

/** Reads a CelExpression body ({"@id", leftOperand, expression, description, scopes}); the expression must compile. */
export function parseCelExpression(body: unknown): CelExpressionInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  reader.onlyKeys(object, ['@id', '@type', 'leftOperand', 'expression', 'description', 'scopes', 'createdAt', 'lastModified'], '');
  reader.type(object, ['CelExpression'], '');
  const id = reader.id(object, '@id', '', false);
  const leftOperand = reader.string(object, 'leftOperand', '', { required: true, max: 512 });
  const expression = reader.string(object, 'expression', '', { required: true, max: MAX_CEL_EXPRESSION_LENGTH });
  const description = reader.string(object, 'description', '', { max: 2048 });
  const scopes = reader.stringArray(object, 'scopes', '', { max: CEL_SCOPES.length }) ?? [...CEL_SCOPES];
  if (scopes.length === 0) reader.fail('scopes', 'must name at least one scope');
  for (const scope of scopes) if (!(CEL_SCOPES as readonly string[]).includes(scope)) reader.fail('scopes', `has "${scope}"; allowed: ${CEL_SCOPES.join(', ')}`);
  if (expression !== undefined && leftOperand !== undefined && reader.errors.length === 0) {
    const error = celCompileError({ id: id ?? 'new', leftOperand, expression, scopes: scopes as CelScope[] });
    if (error) reader.fail('expression', `does not compile: ${error}`);
  }
  reader.done();
  return { id, leftOperand: leftOperand!, expression: expression!, description, scopes: [...new Set(scopes)] as CelScope[] };
}

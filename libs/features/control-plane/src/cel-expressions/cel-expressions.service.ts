import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QuerySpec } from '../common/query-spec';
import { CelExpression } from './cel-expression';
import { CelExpressionConflictException } from './cel-expression-conflict.exception';
import { CelExpressionNotFoundException } from './cel-expression-not-found.exception';
import { CelExpressionRepository } from './cel-expression.repository';
import { CelExpressionInput } from './parse-cel-expression';

/** Registration of platform-wide CEL expressions (compiled on the way in, so broken ones never reach the engine). */
@Injectable()
export class CelExpressionsService {
  private readonly logger = new Logger('CelExpressions');

  constructor(private readonly expressions: CelExpressionRepository) {}

  async create(input: CelExpressionInput): Promise<CelExpression> {
    const now = new Date();
    const expression: CelExpression = { ...input, id: input.id ?? randomUUID(), createdAt: now, updatedAt: now };
    if (!(await this.expressions.insert(expression))) throw new CelExpressionConflictException(expression.id);
    this.logger.log({ celExpressionId: expression.id, leftOperand: expression.leftOperand }, 'CEL expression registered');
    return expression;
  }

  async get(id: string): Promise<CelExpression> {
    const expression = await this.expressions.find(id);
    if (!expression) throw new CelExpressionNotFoundException(id);
    return expression;
  }

  list(spec: QuerySpec): Promise<CelExpression[]> {
    return this.expressions.query(spec);
  }

  async update(id: string, input: CelExpressionInput): Promise<void> {
    if (!(await this.expressions.update({ ...input, id }))) throw new CelExpressionNotFoundException(id);
    this.logger.log({ celExpressionId: id }, 'CEL expression updated');
  }

  async delete(id: string): Promise<void> {
    if (!(await this.expressions.delete(id))) throw new CelExpressionNotFoundException(id);
    this.logger.log({ celExpressionId: id }, 'CEL expression deleted');
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { applyQuerySpec } from '../common/criteria-sql';
import { QuerySpec } from '../common/query-spec';
import { CelExpressionEntity } from '../database/cel-expression.entity';
import { CelExpression, CelScope } from './cel-expression';
import { celExpressionField } from './cel-expression-fields';

function toExpression(row: CelExpressionEntity): CelExpression {
  return {
    id: row.id,
    leftOperand: row.leftOperand,
    expression: row.expression,
    description: row.description ?? undefined,
    scopes: row.scopes as CelScope[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the cel_expression table (platform-wide, not per context). */
@Injectable()
export class CelExpressionRepository {
  constructor(@InjectRepository(CelExpressionEntity) private readonly expressions: Repository<CelExpressionEntity>) {}

  async find(id: string): Promise<CelExpression | undefined> {
    const row = await this.expressions.findOneBy({ id });
    return row ? toExpression(row) : undefined;
  }

  /** The expressions deciding this leftOperand (in this scope when given): what the policy engine evaluates. */
  async findByLeftOperand(leftOperand: string, scope?: CelScope): Promise<CelExpression[]> {
    const qb = this.expressions.createQueryBuilder('e').where('"e"."left_operand" = :leftOperand', { leftOperand });
    if (scope) qb.andWhere(`"e"."scopes" @> CAST(:scope AS jsonb)`, { scope: JSON.stringify([scope]) });
    return (await qb.orderBy('"e"."id"', 'ASC').getMany()).map(toExpression);
  }

  /** Every expression (the policy engine caches compiled ones by id and updatedAt). */
  async findAll(): Promise<CelExpression[]> {
    return (await this.expressions.find({ order: { id: 'ASC' } })).map(toExpression);
  }

  async query(spec: QuerySpec): Promise<CelExpression[]> {
    return (await applyQuerySpec(this.expressions.createQueryBuilder('e'), spec, celExpressionField, '"e"."id"').getMany()).map(toExpression);
  }

  async insert(expression: CelExpression): Promise<boolean> {
    const result = await this.expressions
      .createQueryBuilder()
      .insert()
      .into(CelExpressionEntity)
      .values({ ...expression, description: expression.description ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async update(expression: Omit<CelExpression, 'createdAt' | 'updatedAt'>): Promise<boolean> {
    const result = await this.expressions.update(
      { id: expression.id },
      { leftOperand: expression.leftOperand, expression: expression.expression, description: expression.description ?? null, scopes: expression.scopes, updatedAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.expressions.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CelExpressionRegistry, isPolicyScope, PolicyContext, PolicyDecision, PolicyEngine, PolicyScope } from '@dsaas/policy';
import { CONTROL_PLANE_SCHEMA } from '../database/control-plane.schema';

interface CelRow {
  id: string;
  left_operand: string;
  expression: string;
  description: string | null;
  scopes: string[];
}

/**
 * The PolicyEngine of the DSP side, with the CEL expressions registered through the management API. The registry
 * is rebuilt when the table changed (a fingerprint query per evaluation), so every replica sees a new or changed
 * expression at once without compiling unchanged ones again.
 */
@Injectable()
export class PolicyEvaluator {
  private readonly logger = new Logger('PolicyEvaluator');
  private engine = new PolicyEngine();
  private fingerprint?: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async evaluate(policy: unknown, scope: PolicyScope, context: PolicyContext): Promise<PolicyDecision> {
    await this.sync();
    return this.engine.evaluate(policy, scope, context);
  }

  private async sync(): Promise<void> {
    const [{ fingerprint }] = await this.dataSource.query(
      `SELECT coalesce(md5(string_agg(id || ':' || extract(epoch from updated_at)::text, ',' ORDER BY id)), '') AS fingerprint FROM "${CONTROL_PLANE_SCHEMA}"."cel_expression"`,
    );
    if (fingerprint === this.fingerprint) return;
    const rows: CelRow[] = await this.dataSource.query(
      `SELECT id, left_operand, expression, description, scopes FROM "${CONTROL_PLANE_SCHEMA}"."cel_expression" ORDER BY id`,
    );
    const registry = new CelExpressionRegistry();
    for (const row of rows) {
      try {
        registry.upsert({
          id: row.id,
          leftOperand: row.left_operand,
          expression: row.expression,
          description: row.description ?? undefined,
          scopes: (row.scopes ?? []).filter(isPolicyScope),
        });
      } catch (error) {
        // A stored expression that no longer compiles decides nothing: its operand stays unknown (deny).
        this.logger.warn({ celExpressionId: row.id, detail: (error as Error).message }, 'CEL expression skipped');
      }
    }
    this.engine = new PolicyEngine({ celExpressions: registry });
    this.fingerprint = fingerprint;
  }
}

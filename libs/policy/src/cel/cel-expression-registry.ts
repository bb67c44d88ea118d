import { ValidationException } from '@dsaas/model';
import { CelCompilationException } from '../exceptions/cel-compilation.exception';
import { CelExpressionConflictException } from '../exceptions/cel-expression-conflict.exception';
import { stripTermPrefix } from '../model/normalize-policy';
import { isPolicyScope, PolicyScope } from '../model/policy-scope';
import { CelCompiler, CelProgram } from './cel-compiler';
import { CelBudgetExceededError, CelEvaluationBudget } from './cel-evaluation-budget';
import { CelEvaluationInput, CelExpressionDefinition } from './cel-expression';
import { CelInputTooLargeError, prepareCelInput } from './cel-input';
import { CelLimits, DEFAULT_CEL_LIMITS } from './cel-limits';

/** `false`: the expression ran and said no; `failed`: it could not give an answer (error, non-bool, budget). */
export interface CelEvaluationResult {
  outcome: 'true' | 'false' | 'failed';
  reason?: string;
}

export interface RegisteredCelExpression extends CelExpressionDefinition {
  readonly program: CelProgram;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  return typeof value === 'bigint' ? 'an int' : `a ${typeof value}`;
}

/**
 * Holds the CEL expressions policies refer to by left operand. Each expression is compiled once, on
 * register(); evaluation reuses the compiled program and fails closed on any error, non-bool result,
 * oversized input or exhausted budget.
 */
export class CelExpressionRegistry {
  private readonly expressions = new Map<string, RegisteredCelExpression>();
  private readonly compiler: CelCompiler;
  private readonly limits: CelLimits;
  private compilationCount = 0;

  constructor(limits: Partial<CelLimits> = {}) {
    this.limits = { ...DEFAULT_CEL_LIMITS, ...limits };
    this.compiler = new CelCompiler(this.limits);
  }

  /** How many times an expression was compiled (each register/validate compiles exactly once). */
  get compilations(): number {
    return this.compilationCount;
  }

  /** Compiles without registering: lets a caller reject a broken expression before storing it. */
  validate(definition: CelExpressionDefinition): void {
    this.checkDefinition(definition);
    this.compileOrThrow(definition);
  }

  /** Compiles and registers; a duplicate `id` is a conflict (409), a broken expression a 400. */
  register(definition: CelExpressionDefinition): RegisteredCelExpression {
    this.checkDefinition(definition);
    if (this.expressions.has(definition.id)) throw new CelExpressionConflictException(definition.id);
    return this.store(definition);
  }

  /** Registers or replaces (an update through the management API, or a reload from the database). */
  upsert(definition: CelExpressionDefinition): RegisteredCelExpression {
    this.checkDefinition(definition);
    return this.store(definition);
  }

  unregister(id: string): boolean {
    return this.expressions.delete(id);
  }

  get(id: string): RegisteredCelExpression | undefined {
    return this.expressions.get(id);
  }

  list(): RegisteredCelExpression[] {
    return [...this.expressions.values()];
  }

  /** The expressions that decide `leftOperand` in `scope` (all of them must hold). */
  find(leftOperand: string, scope: PolicyScope): RegisteredCelExpression[] {
    return this.list().filter((expression) => expression.leftOperand === stripTermPrefix(leftOperand) && expression.scopes.includes(scope));
  }

  /** Evaluates one registered expression; never throws. */
  evaluate(expression: RegisteredCelExpression, input: CelEvaluationInput): CelEvaluationResult {
    const budget = new CelEvaluationBudget(this.limits);
    const denied = (reason: string): CelEvaluationResult => ({ outcome: 'failed', reason: `CEL expression '${expression.id}' ${reason}` });
    let result: unknown;
    try {
      const variables = prepareCelInput(input, this.limits, budget) as Record<string, unknown>;
      result = expression.program(variables);
      // exists/all may have swallowed a budget error; and cel-js cannot be interrupted, so a run that
      // overran the clock without touching input lists is discarded here.
      if (budget.exceeded) throw budget.exceeded;
      budget.checkTime();
    } catch (error) {
      if (error instanceof CelInputTooLargeError) return denied(`was not evaluated: ${error.message}`);
      if (error instanceof CelBudgetExceededError) return denied(error.message);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return denied(`failed: ${message}`);
    }
    if (result instanceof Promise) return denied('returned a promise, not a bool');
    if (typeof result !== 'boolean') return denied(`returned ${describe(result)}, not a bool`);
    if (result) return { outcome: 'true' };
    return { outcome: 'false', reason: `CEL expression '${expression.id}' for ${expression.leftOperand} evaluated to false` };
  }

  private store(definition: CelExpressionDefinition): RegisteredCelExpression {
    const program = this.compileOrThrow(definition);
    const registered: RegisteredCelExpression = Object.freeze({
      id: definition.id,
      leftOperand: stripTermPrefix(definition.leftOperand.trim()),
      expression: definition.expression,
      ...(definition.description !== undefined ? { description: definition.description } : {}),
      scopes: [...definition.scopes],
      program,
    });
    this.expressions.set(definition.id, registered);
    return registered;
  }

  private compileOrThrow(definition: CelExpressionDefinition): CelProgram {
    this.compilationCount += 1;
    const compiled = this.compiler.compile(definition.expression);
    if (!compiled.ok) throw new CelCompilationException(definition.id, compiled.error);
    return compiled.program;
  }

  private checkDefinition(definition: CelExpressionDefinition): void {
    const errors: string[] = [];
    if (!definition || typeof definition.id !== 'string' || definition.id.trim() === '') errors.push('@id must be a non-empty string');
    if (typeof definition?.leftOperand !== 'string' || definition.leftOperand.trim() === '') errors.push('leftOperand must be a non-empty string');
    if (typeof definition?.expression !== 'string') errors.push('expression must be a string');
    if (!Array.isArray(definition?.scopes) || definition.scopes.length === 0 || !definition.scopes.every(isPolicyScope)) {
      errors.push('scopes must list at least one of catalog, contract.negotiation, transfer.process');
    }
    if (errors.length) throw new ValidationException('invalid CEL expression definition', errors);
  }
}

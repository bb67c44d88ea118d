import { ASTNode, Environment, ParseError, ParseResult } from '@marcbachmann/cel-js';
import { CelLimits } from './cel-limits';

/** A parsed, checked expression: call it with the variables to evaluate. */
export type CelProgram = (variables: Record<string, unknown>) => unknown;

export type CelCompileResult = { ok: true; program: CelProgram } | { ok: false; error: string };

// Macros that iterate (or bind) and so multiply the cost of whatever is nested inside them.
const SCOPING_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter', 'bind']);

/** The deepest nesting of iterating macros inside each other's arguments (receivers do not nest). */
function macroNesting(node: ASTNode | undefined): number {
  if (!node || typeof node !== 'object' || !('op' in node)) return 0;
  if (node.op === 'rcall') {
    const [name, receiver, args] = node.args;
    const inner = Math.max(0, ...args.map(macroNesting));
    return Math.max(macroNesting(receiver), SCOPING_MACROS.has(name) ? inner + 1 : inner);
  }
  if (node.op === 'call') return Math.max(0, ...node.args[1].map(macroNesting));
  if (node.op === 'value' || node.op === 'id') return 0;
  if (node.op === '.' || node.op === '.?') return macroNesting(node.args[0]);
  if (node.op === 'map') return Math.max(0, ...node.args.flatMap((entry) => entry.map(macroNesting)));
  const args = node.args as unknown;
  if (Array.isArray(args)) return Math.max(0, ...args.map((arg) => macroNesting(arg as ASTNode)));
  return macroNesting(args as ASTNode);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

/**
 * One cel-js Environment for all policy expressions: the variables `ctx` (dyn), `now` (timestamp) and
 * `this` (dyn) are declared, so a typo in a variable name is a compile error, not a runtime denial.
 */
export class CelCompiler {
  private readonly environment: Environment;

  constructor(private readonly limits: CelLimits) {
    this.environment = new Environment({
      homogeneousAggregateLiterals: false,
      limits: {
        maxAstNodes: limits.maxAstNodes,
        maxDepth: limits.maxDepth,
        maxListElements: limits.maxListLiteralElements,
        maxMapEntries: limits.maxListLiteralElements,
        maxCallArguments: 16,
      },
    })
      .registerVariable('ctx', 'dyn')
      .registerVariable('now', 'google.protobuf.Timestamp')
      .registerVariable('this', 'dyn');
  }

  compile(expression: string): CelCompileResult {
    if (typeof expression !== 'string' || expression.trim() === '') return { ok: false, error: 'the expression is empty' };
    let parsed: ParseResult;
    try {
      parsed = this.environment.parse(expression);
    } catch (error) {
      return { ok: false, error: error instanceof ParseError ? firstLine(error) : `parse failed: ${firstLine(error)}` };
    }
    const checked = parsed.check();
    if (!checked.valid) return { ok: false, error: firstLine(checked.error) };
    if (checked.type !== 'bool' && checked.type !== 'dyn') {
      return { ok: false, error: `the expression returns ${checked.type}, a policy expression must return bool` };
    }
    const nesting = macroNesting(parsed.ast);
    if (nesting > this.limits.maxMacroNesting) {
      return { ok: false, error: `macros are nested ${nesting} deep (at most ${this.limits.maxMacroNesting} allowed)` };
    }
    return { ok: true, program: (variables) => parsed(variables) };
  }
}

import { CelCompilationException, CelExpressionRegistry } from '@dsaas/policy';
import { CelScope } from './cel-expression';

// The policy engine's own compiler (same variables, limits and macro rules), so an expression accepted here is
// one the engine can run. validate() compiles without registering anything.
const validator = new CelExpressionRegistry();

/** Compiles the expression once to refuse broken ones at registration; answers the reason when it does not compile. */
export function celCompileError(definition: { id: string; leftOperand: string; expression: string; scopes: CelScope[] }): string | undefined {
  try {
    validator.validate(definition);
    return undefined;
  } catch (error) {
    if (error instanceof CelCompilationException) return error.parseError.slice(0, 500);
    throw error;
  }
}

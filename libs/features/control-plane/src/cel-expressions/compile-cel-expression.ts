import { parse } from '@marcbachmann/cel-js';

/**
 * Compiles the expression once to refuse broken ones at registration; answers the reason when it does not compile.
 * TODO(policy): use the CEL registry of @dsaas/policy once it exists, so registration and evaluation share one compiler.
 */
export function celCompileError(expression: string): string | undefined {
  try {
    parse(expression);
    return undefined;
  } catch (error) {
    // The library's message carries a source excerpt over several lines; the first line is the reason.
    return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 500);
  }
}

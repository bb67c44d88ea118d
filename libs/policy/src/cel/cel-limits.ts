/**
 * Bounds of the CEL sandbox. cel-js evaluates synchronously and cannot be pre-empted, so cost is bounded
 * up front (expression size and macro nesting at compile time, input size before evaluation) and counted
 * while running (every element read from an input list spends one step; the clock is checked as steps go).
 */
export interface CelLimits {
  /** Parse-time structure limits handed to cel-js. */
  maxAstNodes: number;
  maxDepth: number;
  maxListLiteralElements: number;
  /** How deeply comprehensions (all, exists, exists_one, map, filter, cel.bind) may nest inside each other. */
  maxMacroNesting: number;
  /** Input guard: a longer list, a deeper object, more values in all, or a longer string fails closed. */
  maxInputListLength: number;
  maxInputDepth: number;
  maxInputNodes: number;
  maxInputStringLength: number;
  /** Runtime budget: element reads of input lists, and wall-clock time of one evaluation. */
  maxSteps: number;
  timeLimitMs: number;
}

export const DEFAULT_CEL_LIMITS: CelLimits = {
  maxAstNodes: 2000,
  maxDepth: 64,
  maxListLiteralElements: 256,
  maxMacroNesting: 3,
  maxInputListLength: 512,
  maxInputDepth: 24,
  maxInputNodes: 50_000,
  maxInputStringLength: 64 * 1024,
  maxSteps: 200_000,
  timeLimitMs: 100,
};

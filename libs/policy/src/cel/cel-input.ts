import { CelBudgetExceededError, CelEvaluationBudget } from './cel-evaluation-budget';
import { CelLimits } from './cel-limits';

/** The input is larger than the sandbox accepts; evaluation does not start. */
export class CelInputTooLargeError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Copies the evaluation input into plain data CEL can work on, enforcing the input guard:
 * safe integers become CEL ints (BigInt), Dates stay timestamps, class instances become plain maps,
 * functions and symbols are dropped, and every list is wrapped so each element read spends budget.
 */
export function prepareCelInput(value: unknown, limits: CelLimits, budget: CelEvaluationBudget): unknown {
  let nodes = 0;
  const copy = (current: unknown, depth: number): unknown => {
    if (++nodes > limits.maxInputNodes) throw new CelInputTooLargeError(`input has more than ${limits.maxInputNodes} values`);
    if (depth > limits.maxInputDepth) throw new CelInputTooLargeError(`input is nested deeper than ${limits.maxInputDepth} levels`);
    if (current === undefined || current === null) return null;
    if (typeof current === 'number') {
      if (Number.isSafeInteger(current)) return BigInt(current);
      return Number.isFinite(current) ? current : null;
    }
    if (typeof current === 'string') {
      if (current.length > limits.maxInputStringLength) {
        throw new CelInputTooLargeError(`input holds a string longer than ${limits.maxInputStringLength} characters`);
      }
      return current;
    }
    if (typeof current === 'boolean' || typeof current === 'bigint') return current;
    if (current instanceof Date) return Number.isNaN(current.getTime()) ? null : current;
    if (Array.isArray(current)) {
      if (current.length > limits.maxInputListLength) {
        throw new CelInputTooLargeError(`input holds a list longer than ${limits.maxInputListLength} elements`);
      }
      return meteredList(current.map((item) => copy(item, depth + 1)), budget);
    }
    if (typeof current === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(current as Record<string, unknown>)) {
        if (FORBIDDEN_KEYS.has(key) || typeof item === 'function' || typeof item === 'symbol') continue;
        result[key] = copy(item, depth + 1);
      }
      return result;
    }
    return null;
  };
  return copy(value, 0);
}

const INDEX = /^\d+$/;

function meteredList(list: unknown[], budget: CelEvaluationBudget): unknown[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && INDEX.test(key)) budget.spend();
      return Reflect.get(target, key, receiver);
    },
  });
}

export { CelBudgetExceededError };

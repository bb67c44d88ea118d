import { CelLimits } from './cel-limits';

/** Thrown from inside an evaluation when it ran out of steps or time; caught by the registry. */
export class CelBudgetExceededError extends Error {}

/**
 * Counts element reads of input lists and checks the clock every 256 of them. Once exceeded it stays
 * exceeded: CEL's exists/all swallow an error when another element decides the result, so the registry
 * asks `exceeded` after the run instead of trusting that the error propagated.
 */
export class CelEvaluationBudget {
  private steps = 0;
  private readonly startedAt = performance.now();
  private failure: CelBudgetExceededError | undefined;

  constructor(private readonly limits: Pick<CelLimits, 'maxSteps' | 'timeLimitMs'>) {}

  spend(): void {
    if (this.failure) throw this.failure;
    this.steps += 1;
    if (this.steps > this.limits.maxSteps) {
      this.fail(`exceeded the step budget (${this.limits.maxSteps} list element reads)`);
    }
    if ((this.steps & 0xff) === 0) this.checkTime();
  }

  checkTime(): void {
    if (this.failure) throw this.failure;
    const elapsed = this.elapsedMs();
    if (elapsed > this.limits.timeLimitMs) {
      this.fail(`exceeded the time limit (${elapsed.toFixed(1)} ms > ${this.limits.timeLimitMs} ms)`);
    }
  }

  /** The failure, if the budget ran out at any point (even when the expression swallowed the error). */
  get exceeded(): CelBudgetExceededError | undefined {
    return this.failure;
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  private fail(message: string): never {
    this.failure = new CelBudgetExceededError(message);
    throw this.failure;
  }
}

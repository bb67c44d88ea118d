import { CelLimits } from './cel-limits';

/** Thrown from inside an evaluation when it ran out of steps or time; caught by the registry. */
export class CelBudgetExceededError extends Error {}

/** Counts element reads of input lists and checks the clock every 256 of them. */
export class CelEvaluationBudget {
  private steps = 0;
  private readonly startedAt = performance.now();

  constructor(private readonly limits: Pick<CelLimits, 'maxSteps' | 'timeLimitMs'>) {}

  spend(): void {
    this.steps += 1;
    if (this.steps > this.limits.maxSteps) {
      throw new CelBudgetExceededError(`exceeded the step budget (${this.limits.maxSteps} list element reads)`);
    }
    if ((this.steps & 0xff) === 0) this.checkTime();
  }

  checkTime(): void {
    const elapsed = this.elapsedMs();
    if (elapsed > this.limits.timeLimitMs) {
      throw new CelBudgetExceededError(`exceeded the time limit (${elapsed.toFixed(1)} ms > ${this.limits.timeLimitMs} ms)`);
    }
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  get stepsTaken(): number {
    return this.steps;
  }
}

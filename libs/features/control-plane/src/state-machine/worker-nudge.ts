/**
 * What services call after a local change made a row due (`nudge()`), bound to a machine's worker when it starts.
 * Subclass it per machine so each is its own injection token.
 */
export abstract class WorkerNudge {
  private wake?: () => void;

  onNudge(wake: () => void): void {
    this.wake = wake;
  }

  nudge(): void {
    this.wake?.();
  }
}

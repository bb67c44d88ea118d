import { Injectable } from '@nestjs/common';

/**
 * Work in progress per flow in this process (proxy responses, push runs, streams), so suspend and terminate stop
 * it at once instead of at the next request.
 */
@Injectable()
export class ActiveTransfers {
  private readonly running = new Map<string, Set<AbortController>>();

  /** A controller aborted when the flow stops; call the answered function when the work ends. */
  track(flowId: string): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    let set = this.running.get(flowId);
    if (!set) this.running.set(flowId, (set = new Set()));
    set.add(controller);
    return {
      signal: controller.signal,
      done: () => {
        set!.delete(controller);
        if (set!.size === 0 && this.running.get(flowId) === set) this.running.delete(flowId);
      },
    };
  }

  isRunning(flowId: string): boolean {
    return (this.running.get(flowId)?.size ?? 0) > 0;
  }

  stop(flowId: string, reason: string): void {
    for (const controller of this.running.get(flowId) ?? []) controller.abort(new Error(reason));
    this.running.delete(flowId);
  }

  stopAll(reason: string): void {
    for (const id of [...this.running.keys()]) this.stop(id, reason);
  }
}

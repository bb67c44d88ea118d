import { Injectable } from '@nestjs/common';

/** Wakes the transfer state-machine worker after a local state change, so a process does not wait a poll period. */
@Injectable()
export class TransferWork {
  private wake?: () => void;

  /** Called by the worker when it starts. */
  onNudge(wake: () => void): void {
    this.wake = wake;
  }

  nudge(): void {
    this.wake?.();
  }
}

import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DspConfig } from '../dsp/dsp.config';
import type { StateMachine } from './state-machine';
import type { StateMachineRow } from './state-machine-columns';
import { stateMachineSettings } from './state-machine-settings';
import { StateMachineWorker } from './state-machine.worker';
import type { WorkerNudge } from './worker-nudge';

/**
 * A machine's worker as a Nest provider of this replica: started when the app has bootstrapped, bound to the
 * machine's WorkerNudge, drained before shutdown. Subclass it per machine (with an @Injectable constructor).
 */
export abstract class HostedStateMachineWorker<R extends StateMachineRow> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly worker: StateMachineWorker<R>;

  protected constructor(dataSource: DataSource, machine: StateMachine<R, string, any>, config: DspConfig, private readonly nudges: WorkerNudge) {
    this.worker = new StateMachineWorker(dataSource, machine, stateMachineSettings(config));
  }

  onApplicationBootstrap(): void {
    this.nudges.onNudge(() => this.worker.nudge());
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}

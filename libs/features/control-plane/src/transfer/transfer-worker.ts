import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DspConfig } from '../dsp/dsp.config';
import { stateMachineSettings } from '../state-machine/state-machine-settings';
import { StateMachineWorker } from '../state-machine/state-machine.worker';
import { TransferProcessEntity } from './transfer-process.entity';
import { TransferStateMachine } from './transfer-state-machine';
import { TransferWork } from './transfer-work';

/** This replica's worker of the transfer state machine: started with the app, drained on shutdown. */
@Injectable()
export class TransferWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly worker: StateMachineWorker<TransferProcessEntity>;

  constructor(@InjectDataSource() dataSource: DataSource, machine: TransferStateMachine, config: DspConfig, private readonly work: TransferWork) {
    this.worker = new StateMachineWorker(dataSource, machine, stateMachineSettings(config));
  }

  onApplicationBootstrap(): void {
    this.work.onNudge(() => this.worker.nudge());
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}

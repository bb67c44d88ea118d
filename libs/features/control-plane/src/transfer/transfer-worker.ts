import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DspConfig } from '../dsp/dsp.config';
import { HostedStateMachineWorker } from '../state-machine/hosted-state-machine-worker';
import { TransferProcessEntity } from './transfer-process.entity';
import { TransferStateMachine } from './transfer-state-machine';
import { TransferWork } from './transfer-work';

/** This replica's worker of the transfer state machine: started with the app, drained on shutdown. */
@Injectable()
export class TransferWorker extends HostedStateMachineWorker<TransferProcessEntity> {
  constructor(@InjectDataSource() dataSource: DataSource, machine: TransferStateMachine, config: DspConfig, work: TransferWork) {
    super(dataSource, machine, config, work);
  }
}

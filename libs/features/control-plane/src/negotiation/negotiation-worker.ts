import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DspConfig } from '../dsp/dsp.config';
import { HostedStateMachineWorker } from '../state-machine/hosted-state-machine-worker';
import { ContractNegotiationEntity } from './contract-negotiation.entity';
import { NegotiationStateMachine } from './negotiation-state-machine';
import { NegotiationWork } from './negotiation-work';

/** This replica's worker of the negotiation state machine. */
@Injectable()
export class NegotiationWorker extends HostedStateMachineWorker<ContractNegotiationEntity> {
  constructor(@InjectDataSource() dataSource: DataSource, machine: NegotiationStateMachine, config: DspConfig, work: NegotiationWork) {
    super(dataSource, machine, config, work);
  }
}

import { DataPlaneSelector } from '../dps/data-plane.selector';
import { DpsCallbacksController } from '../dps/dps-callbacks.controller';
import { DpsCallbacksService } from '../dps/dps-callbacks.service';
import { DpsClient } from '../dps/dps.client';
import { DpsConfig, loadDpsConfig } from '../dps/dps.config';
import { EdrsController } from '../edr/edrs.controller';
import { EdrsService } from '../edr/edrs.service';
import { AssetRepository } from '../assets/asset.repository';
import { DataPlaneRepository } from '../dataplanes/data-plane.repository';
import { DataAddressSecrets } from './data-address-secrets';
import { DspTransferController } from './dsp-transfer.controller';
import { DspTransferService } from './dsp-transfer.service';
import { TransferHandlers } from './transfer-handlers';
import { TransferProcessRepository } from './transfer-process.repository';
import { TransferProcessesController } from './transfer-processes.controller';
import { TransferProcessesService } from './transfer-processes.service';
import { TransferStateMachine } from './transfer-state-machine';
import { TransferWork } from './transfer-work';
import { TransferWorker } from './transfer-worker';

/** Controllers of the transfer feature: DSP transfers, management transferprocesses and EDRs, DPS callbacks. */
export const TRANSFER_CONTROLLERS = [DspTransferController, TransferProcessesController, EdrsController, DpsCallbacksController];

/** Providers of the transfer feature, for DspModule (`env`: the service's configuration, DPS variables validated here). */
export function transferProviders(env: object) {
  return [
    { provide: DpsConfig, useValue: loadDpsConfig(env) },
    AssetRepository,
    DataPlaneRepository,
    TransferProcessRepository,
    DataAddressSecrets,
    TransferWork,
    TransferHandlers,
    TransferStateMachine,
    TransferWorker,
    DspTransferService,
    TransferProcessesService,
    EdrsService,
    DpsClient,
    DataPlaneSelector,
    DpsCallbacksService,
  ];
}


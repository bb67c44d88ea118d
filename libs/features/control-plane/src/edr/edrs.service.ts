import { Injectable } from '@nestjs/common';
import { NotFoundException } from '@dsaas/model';
import { QuerySpec } from '../common/query-spec';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { DataAddressSecrets } from '../transfer/data-address-secrets';
import { DspDataAddress } from '../transfer/data-address';
import { TransferProcess } from '../transfer/transfer-process';
import { TransferProcessRepository } from '../transfer/transfer-process.repository';
import { TransferState } from '../transfer/transfer-state';

/**
 * EDC-style EDR access for consumers: the EDRs their pull transfers received. The data address with its token is
 * read from the context's SecretStore on request, and only while the transfer is STARTED (a suspended or ended
 * transfer's token is of no use, and the data plane refuses it anyway).
 */
@Injectable()
export class EdrsService {
  constructor(
    private readonly contexts: DspParticipantContextRepository,
    private readonly transfers: TransferProcessRepository,
    private readonly addresses: DataAddressSecrets,
  ) {}

  /** Consumer transfers holding an EDR (paged and filtered like transfer processes). */
  async query(participantContextId: string, spec: QuerySpec): Promise<TransferProcess[]> {
    await this.contexts.get(participantContextId);
    const processes = await this.transfers.query(participantContextId, spec, { role: 'CONSUMER', withEdr: true });
    return processes;
  }

  async dataAddress(participantContextId: string, transferProcessId: string): Promise<DspDataAddress> {
    await this.contexts.get(participantContextId);
    const process = await this.transfers.find(participantContextId, transferProcessId);
    const missing = new NotFoundException('EDR of transfer process', transferProcessId);
    if (!process || process.role !== 'CONSUMER' || !process.contentDataAddress || process.state !== TransferState.STARTED) throw missing;
    const address = await this.addresses.get(participantContextId, transferProcessId, 'edr');
    if (!address) throw missing;
    return address;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { DspDataAddress, normalizeDataAddress, redactDataAddress } from './data-address';

/** `edr`: the EDR of a transfer (consumer: received; provider: issued by the data plane). `destination`: a push destination. */
export type DataAddressKind = 'edr' | 'destination';

/**
 * Data addresses with credentials (EDR tokens, a push destination's authorization) of transfer processes. The full
 * address lives in the owning context's SecretStore namespace; rows, answers to anyone else and logs only ever see
 * the redacted copy `put` answers.
 */
@Injectable()
export class DataAddressSecrets {
  constructor(@Inject(SECRET_STORE) private readonly secrets: SecretStore) {}

  /** Stores the address; answers the copy without secret values, to keep in the row. */
  async put(participantContextId: string, transferProcessId: string, kind: DataAddressKind, address: DspDataAddress): Promise<DspDataAddress> {
    await this.secrets.put(participantContextId, `${kind}:${transferProcessId}`, JSON.stringify(address));
    return redactDataAddress(address);
  }

  async get(participantContextId: string, transferProcessId: string, kind: DataAddressKind): Promise<DspDataAddress | undefined> {
    const stored = await this.secrets.get(participantContextId, `${kind}:${transferProcessId}`);
    if (!stored) return undefined;
    try {
      return normalizeDataAddress(JSON.parse(stored));
    } catch {
      return undefined;
    }
  }

  /** Forgets both addresses of a finished process. */
  async deleteAll(participantContextId: string, transferProcessId: string): Promise<void> {
    await this.secrets.delete(participantContextId, `edr:${transferProcessId}`);
    await this.secrets.delete(participantContextId, `destination:${transferProcessId}`);
  }
}

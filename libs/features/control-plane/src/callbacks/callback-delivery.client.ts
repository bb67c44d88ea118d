import { Injectable } from '@nestjs/common';
import { DspConfig } from '../dsp/dsp.config';
import { CallbackAddress } from './callback-address';
import { CallbackDeliveryFailedException } from './callback-delivery-failed.exception';
import { CallbackEvent } from './callback-event';

/** POSTs an event to one callback address; anything but a 2xx answer is a retryable failure. */
@Injectable()
export class CallbackDeliveryClient {
  constructor(private readonly config: DspConfig) {}

  async deliver(address: CallbackAddress, event: CallbackEvent): Promise<void> {
    let response: Response;
    try {
      response = await fetch(address.uri, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(address.authKey ? { authKey: address.authKey } : {}) },
        body: JSON.stringify(event),
        // A redirect could move the event (and its authKey) to a host nobody registered.
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.DSP_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new CallbackDeliveryFailedException(address.uri, (error as Error)?.message ?? String(error));
    }
    // Drain the body so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new CallbackDeliveryFailedException(address.uri, `HTTP ${response.status}`);
  }
}

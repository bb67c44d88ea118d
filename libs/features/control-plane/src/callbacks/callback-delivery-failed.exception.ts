import { TransientException } from '@dsaas/model';

/** A callback address did not take an event (non-2xx or unreachable): the bus redelivers it with backoff. */
export class CallbackDeliveryFailedException extends TransientException {
  constructor(uri: string, reason: string) {
    super(`callback to ${uri} failed: ${reason}`);
  }
}

import { randomUUID } from 'node:crypto';

/** What a callback address receives (EDC's EventEnvelope). */
export interface CallbackEvent {
  id: string;
  at: number;
  type: string;
  payload: Record<string, unknown>;
}

export type CallbackSubject = 'contract.negotiation' | 'transfer.process';

/**
 * The EDC event type name of reaching `state` (`contract.negotiation.finalized`), or undefined for our `-ING`
 * states: they are internal steps towards the next state, EDC emits no event for them. INITIAL is EDC's `initiated`.
 */
export function callbackEventName(subject: CallbackSubject, state: string): string | undefined {
  if (state.endsWith('ING')) return undefined;
  return `${subject}.${state === 'INITIAL' ? 'initiated' : state.toLowerCase()}`;
}

/** EDC's event class name of an event type name: `transfer.process.started` → `TransferProcessStarted`. */
export function callbackEventClass(eventName: string): string {
  return eventName
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function callbackEvent(eventName: string, payload: Record<string, unknown>, at: Date): CallbackEvent {
  return { id: randomUUID(), at: at.getTime(), type: callbackEventClass(eventName), payload };
}

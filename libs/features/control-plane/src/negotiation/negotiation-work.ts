import { Injectable } from '@nestjs/common';
import { WorkerNudge } from '../state-machine/worker-nudge';

/** Wakes the negotiation worker after a local state change, so a negotiation does not wait a poll period. */
@Injectable()
export class NegotiationWork extends WorkerNudge {}

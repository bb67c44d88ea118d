import { Injectable } from '@nestjs/common';
import { WorkerNudge } from '../state-machine/worker-nudge';

/** Wakes the transfer state-machine worker after a local state change, so a process does not wait a poll period. */
@Injectable()
export class TransferWork extends WorkerNudge {}

import { MessageHeaders } from './event-bus.port';

const DEAD_LETTER_ROOT = 'dlq';

/** Where a message that failed for good goes: `dlq.<subject>` (inside the bus prefix). */
export function deadLetterSubject(subject: string): string {
  return `${DEAD_LETTER_ROOT}.${subject}`;
}

export function isDeadLetterSubject(subject: string): boolean {
  return subject.startsWith(`${DEAD_LETTER_ROOT}.`);
}

/** Payload of a dead-lettered message: the original plus why and after how many attempts it failed. */
export interface DeadLetter<T = unknown> {
  subject: string;
  data: T;
  headers: MessageHeaders;
  messageId: string;
  key?: string;
  consumer: string;
  attempts: number;
  reason: string;
  failedAt: string;
}

/** Nest injection token of the one EventBus of a process. */
export const EVENT_BUS = Symbol.for('dsaas.EventBus');

/**
 * A subject: a plain string, or a versioned contract from `@dsaas/contracts` (anything with `subject`).
 * Call sites pass contracts; strings are for wildcards and infrastructure.
 */
export type SubjectRef<T = unknown> = string | { readonly subject: string; readonly payload?: new (...args: any[]) => T };

export type MessageHeaders = Record<string, string>;

export interface PublishOptions {
  /** Deduplication id: a second publish with the same id is dropped. Defaults to a random id. */
  messageId?: string;
  /** Ordering key: consumers handle the messages of one key in publish order. */
  key?: string;
  headers?: MessageHeaders;
}

/** What a handler receives. */
export interface EventMessage<T = unknown> {
  subject: string;
  data: T;
  headers: MessageHeaders;
  messageId: string;
  key?: string;
  /** 1 on first delivery, then 2, 3, ... */
  attempt: number;
}

/**
 * Resolve = the work is committed, ack. Throw a retryable error = nak, redelivered after the backoff.
 * Throw `PoisonMessageError` or a non-retryable `DomainException` = term, dead-lettered at once.
 */
export type EventHandler<T = unknown> = (message: EventMessage<T>) => Promise<void> | void;

export interface SubscribeOptions<T = unknown> {
  /** Durable consumer name: instances sharing it share the work; its position survives restarts. */
  durable: string;
  handler: EventHandler<T>;
  /** Attempts before the message is dead-lettered (default 5). */
  maxDeliver?: number;
  /** Delay before attempt n+1 is `backoff[n-1]` (the last entry repeats). Default [1000, 5000, 30000]. */
  backoff?: number[];
  /** Messages handled at once by this instance (default 1). Deliveries of one key are always serial. */
  concurrency?: number;
}

export interface EventSubscription {
  /** Stops taking new messages and waits (bounded) for the ones in hand; unfinished ones are redelivered. */
  close(): Promise<void>;
}

export interface EventBus {
  publish<T>(subject: SubjectRef<T>, payload: T, options?: PublishOptions): Promise<void>;
  /** `subject` may use NATS wildcards (`*` one token, `>` the rest). */
  subscribe<T>(subject: SubjectRef<T>, options: SubscribeOptions<T>): Promise<EventSubscription>;
  /** Connection up: used by /health/ready. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

export function subjectOf(subject: SubjectRef<unknown>): string {
  return typeof subject === 'string' ? subject : subject.subject;
}

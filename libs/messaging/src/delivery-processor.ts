import { Logger } from '@nestjs/common';
import { isDeadLetterSubject } from './dead-letter';
import { DEFAULT_BACKOFF_MS, DEFAULT_MAX_DELIVER, backoffDelay, describeError, isRetryable } from './delivery-policy';
import { EventHandler, EventMessage, SubscribeOptions } from './event-bus.port';

/** One delivery of one message to one consumer, as an adapter hands it over. */
export interface Delivery<T = unknown> {
  message: EventMessage<T>;
  ack(): Promise<void>;
  nak(delayMs: number, reason: string): Promise<void>;
  /** Publishes the message to `dlq.<subject>` with the reason, then stops its redelivery. */
  deadLetter(reason: string): Promise<void>;
  /** Tells the broker the handler is still working (extends the ack wait / lease). */
  heartbeat(): Promise<void>;
}

export interface ProcessorSettings {
  /** How often a running handler's lease / ack wait is extended. */
  heartbeatMs: number;
  /** A handler running longer than this counts as failed (retryable). */
  handlerTimeoutMs: number;
  logger: Logger;
}

/**
 * The ack / nak / term decisions shared by every adapter, so both behave the same under the contract suite.
 * The attempt limit is enforced here, on delivery, so a message whose handler crashed the process on its
 * last attempt is still dead-lettered when it comes back, never redelivered forever.
 */
export class DeliveryProcessor<T = unknown> {
  private readonly handler: EventHandler<T>;
  private readonly maxDeliver: number;
  private readonly backoff: number[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly acceptsDeadLetters: boolean;
  private abandoned = false;

  constructor(
    readonly subjectPattern: string,
    options: SubscribeOptions<T>,
    private readonly settings: ProcessorSettings,
  ) {
    this.handler = options.handler;
    this.maxDeliver = options.maxDeliver ?? DEFAULT_MAX_DELIVER;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF_MS;
    this.acceptsDeadLetters = isDeadLetterSubject(subjectPattern);
    if (this.maxDeliver < 1) throw new Error('maxDeliver must be at least 1');
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  process(delivery: Delivery<T>): Promise<void> {
    const run = this.run(delivery).catch((error) =>
      this.settings.logger.error(
        `settling message ${delivery.message.messageId} on ${delivery.message.subject} failed: ${describeError(error)}`,
      ),
    );
    this.inFlight.add(run);
    return run.finally(() => this.inFlight.delete(run));
  }

  /**
   * Waits up to `graceMs` for handlers in hand. Whatever is still running after that is abandoned: not
   * acked, its lease no longer extended, so the broker redelivers it to another instance.
   */
  async drain(graceMs: number): Promise<void> {
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    this.abandoned = true;
  }

  private async run(delivery: Delivery<T>): Promise<void> {
    const { message } = delivery;
    // A wildcard subscription (`>`) also matches dead letters; only explicit `dlq.` subscriptions get them.
    if (isDeadLetterSubject(message.subject) && !this.acceptsDeadLetters) {
      await delivery.ack();
      return;
    }
    if (message.attempt > this.maxDeliver) {
      await delivery.deadLetter(
        `delivered ${message.attempt - 1} times without being settled (handler crashed or timed out)`,
      );
      return;
    }
    let outcome: { ok: true } | { ok: false; error: unknown };
    const heartbeat = setInterval(() => {
      if (!this.abandoned) delivery.heartbeat().catch(() => undefined);
    }, this.settings.heartbeatMs);
    try {
      await this.withTimeout(Promise.resolve().then(() => this.handler(message)));
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
    if (this.abandoned) return;
    if (outcome.ok) {
      await delivery.ack();
      return;
    }
    const reason = describeError(outcome.error);
    if (!isRetryable(outcome.error)) {
      this.settings.logger.warn(`dead-lettering ${message.messageId} on ${message.subject}: ${reason}`);
      await delivery.deadLetter(reason);
    } else if (message.attempt >= this.maxDeliver) {
      this.settings.logger.warn(
        `dead-lettering ${message.messageId} on ${message.subject} after ${message.attempt} attempts: ${reason}`,
      );
      await delivery.deadLetter(`gave up after ${message.attempt} attempts: ${reason}`);
    } else {
      const delay = backoffDelay(this.backoff, message.attempt);
      this.settings.logger.debug?.(
        `retrying ${message.messageId} on ${message.subject} in ${delay}ms (attempt ${message.attempt}): ${reason}`,
      );
      await delivery.nak(delay, reason);
    }
  }

  private withTimeout(work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`handler timed out after ${this.settings.handlerTimeoutMs}ms`)),
        this.settings.handlerTimeoutMs,
      );
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

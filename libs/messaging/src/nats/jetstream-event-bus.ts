import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerConfig,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
  MsgHdrs,
  NatsConnection,
  RetentionPolicy,
  StorageType,
  StreamConfig,
  connect,
  headers as natsHeaders,
  nanos,
} from 'nats';
import { randomUUID } from 'crypto';
import { DeadLetter, deadLetterSubject } from '../dead-letter';
import { describeError } from '../delivery-policy';
import { Delivery, DeliveryProcessor } from '../delivery-processor';
import {
  EventBus,
  EventMessage,
  EventSubscription,
  MessageHeaders,
  PublishOptions,
  SubjectRef,
  SubscribeOptions,
  subjectOf,
} from '../event-bus.port';
import { KeyedSerializer } from '../keyed-serializer';
import { PoisonMessageError } from '../poison-message.error';
import { assertValidSubject } from '../subject-pattern';
import { JetStreamEventBusOptions } from './jetstream-event-bus.options';

const KEY_HEADER = 'Dsaas-Key';
const MSG_ID_HEADER = 'Nats-Msg-Id';

const DAY_MS = 24 * 60 * 60 * 1000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * EventBus on NATS JetStream (server 2.9): one stream per prefix holding `<prefix>.>`, one durable pull
 * consumer per subscription (one filter subject each, as 2.9 allows), `Nats-Msg-Id` deduplication.
 *
 * Ordering per key: a consumer's `max_ack_pending` equals its `concurrency` (default 1), so with the
 * default the server hands out one message at a time and a nak'd message is redelivered before the
 * next one: strict order for every key, across instances and crashes. With `concurrency > 1` the
 * deliveries of one key are serialised inside the instance, but a retried message may then overtake.
 */
export class JetStreamEventBus implements EventBus {
  private readonly logger = new Logger(JetStreamEventBus.name);
  private readonly subscriptions = new Set<EventSubscription>();
  private readonly streamName: string;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamEventBusOptions,
  ) {
    this.streamName = JetStreamEventBus.streamNameFor(options.prefix);
  }

  static streamNameFor(prefix: string): string {
    return prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /** Connects and creates or updates the stream (idempotent, safe when replicas start together). */
  static async connect(options: JetStreamEventBusOptions): Promise<JetStreamEventBus> {
    assertValidSubject(options.prefix, false);
    const nc = await connect({
      servers: options.servers,
      name: options.name ?? 'dsaas',
      maxReconnectAttempts: -1,
    });
    try {
      const jsm = await nc.jetstreamManager();
      const bus = new JetStreamEventBus(nc, nc.jetstream(), jsm, options);
      await bus.ensureStream();
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish<T>(subject: SubjectRef<T>, payload: T, options: PublishOptions = {}): Promise<void> {
    const name = subjectOf(subject);
    assertValidSubject(name, false);
    await this.publishRaw(name, payload, options);
  }

  async subscribe<T>(subject: SubjectRef<T>, options: SubscribeOptions<T>): Promise<EventSubscription> {
    const pattern = subjectOf(subject);
    assertValidSubject(pattern, true);
    const durable = JetStreamEventBus.durableName(options.durable);
    const concurrency = Math.max(1, options.concurrency ?? 1);
    const ackWaitMs = this.options.ackWaitMs ?? 30_000;
    await this.ensureConsumer(durable, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.physical(pattern),
      ack_wait: nanos(ackWaitMs),
      // The attempt limit is enforced by DeliveryProcessor; one extra delivery lets it dead-letter a
      // message whose last attempt crashed the consumer.
      max_deliver: (options.maxDeliver ?? 5) + 1,
      max_ack_pending: concurrency,
    });
    const processor = new DeliveryProcessor<T>(pattern, options, {
      heartbeatMs: Math.max(100, Math.floor(ackWaitMs / 3)),
      handlerTimeoutMs: this.options.handlerTimeoutMs ?? 300_000,
      logger: this.logger,
    });
    const consumer = await this.js.consumers.get(this.streamName, durable);
    const messages: ConsumerMessages = await consumer.consume({
      max_messages: concurrency,
      expires: Math.min(30_000, Math.max(1_000, ackWaitMs)),
    });
    const serializer = new KeyedSerializer();
    let stopped = false;
    void (async () => {
      for await (const msg of messages) {
        const delivery = this.toDelivery<T>(msg, durable);
        const work = serializer.run(delivery.message.key, () => processor.process(delivery));
        if (concurrency === 1) await work;
      }
    })().catch((error) => {
      if (!stopped) this.logger.error(`consumer ${durable} stopped: ${describeError(error)}`);
    });

    let closed: Promise<void> | undefined;
    const subscription: EventSubscription = {
      close: () =>
        (closed ??= (async () => {
          this.subscriptions.delete(subscription);
          stopped = true;
          // stop(), not close(): close() waits for the iterator, which may be parked on a hung handler.
          messages.stop();
          // Not awaiting `loop`: it may sit on a hung handler that drain() has just abandoned.
          await processor.drain(this.options.closeGraceMs ?? 10_000);
        })()),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async isHealthy(): Promise<boolean> {
    if (this.nc.isClosed()) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.nc.flush().then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }

  /** Removes the stream and its consumers (test teardown). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.streamName).catch(() => undefined);
  }

  /** Durable names may not contain `.`, `*`, `>` or whitespace. */
  static durableName(name: string): string {
    return name.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  private physical(subject: string): string {
    return `${this.options.prefix}.${subject}`;
  }

  private logical(subject: string): string {
    return subject.slice(this.options.prefix.length + 1);
  }

  private async publishRaw(subject: string, payload: unknown, options: PublishOptions): Promise<void> {
    const hdrs = natsHeaders();
    for (const [name, value] of Object.entries(options.headers ?? {})) hdrs.set(name, value);
    if (options.key !== undefined) hdrs.set(KEY_HEADER, options.key);
    const messageId = options.messageId ?? randomUUID();
    await this.js.publish(this.physical(subject), encoder.encode(JSON.stringify(payload ?? null)), {
      msgID: messageId,
      headers: hdrs,
    });
  }

  private toDelivery<T>(msg: JsMsg, durable: string): Delivery<T> {
    const headers = readHeaders(msg.headers);
    const key = headers[KEY_HEADER];
    const messageId = headers[MSG_ID_HEADER] ?? `${this.streamName}:${msg.seq}`;
    delete headers[KEY_HEADER];
    delete headers[MSG_ID_HEADER];
    const subject = this.logical(msg.subject);
    let data: T;
    let parseError: Error | undefined;
    try {
      data = JSON.parse(decoder.decode(msg.data)) as T;
    } catch (error) {
      data = undefined as T;
      parseError = new PoisonMessageError(`payload is not JSON: ${describeError(error)}`);
    }
    const message: EventMessage<T> = { subject, data, headers, messageId, key, attempt: msg.info.redeliveryCount };
    if (parseError) {
      // Unreadable payloads can never succeed: present them as a delivery whose handler fails for good.
      const reason = describeError(parseError);
      message.attempt = Number.MAX_SAFE_INTEGER;
      return {
        message,
        ack: async () => undefined,
        nak: async () => undefined,
        heartbeat: async () => undefined,
        deadLetter: () => this.deadLetter(msg, message, durable, reason, msg.info.redeliveryCount),
      };
    }
    return {
      message,
      ack: async () => {
        await msg.ackAck();
      },
      nak: async (delayMs) => msg.nak(delayMs),
      heartbeat: async () => msg.working(),
      deadLetter: (reason) => this.deadLetter(msg, message, durable, reason, message.attempt),
    };
  }

  private async deadLetter<T>(
    msg: JsMsg,
    message: EventMessage<T>,
    consumer: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const letter: DeadLetter<T> = {
      subject: message.subject,
      data: message.data,
      headers: message.headers,
      messageId: message.messageId,
      key: message.key,
      consumer,
      attempts,
      reason,
      failedAt: new Date().toISOString(),
    };
    // Deduplicated per consumer, so a crash between publishing and term does not dead-letter twice.
    await this.publishRaw(deadLetterSubject(message.subject), letter, {
      messageId: `${message.messageId}:dlq:${consumer}`,
      key: message.key,
    });
    // No reason argument: `+TERM <reason>` is a NATS 2.10 feature and 2.9 ignores it.
    msg.term();
  }

  private async ensureStream(): Promise<void> {
    const config: Partial<StreamConfig> = {
      name: this.streamName,
      subjects: [`${this.options.prefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(this.options.maxAgeMs ?? 7 * DAY_MS),
      duplicate_window: nanos(this.options.duplicateWindowMs ?? 120_000),
      num_replicas: this.options.replicas ?? 1,
    };
    try {
      await this.jsm.streams.info(this.streamName);
      await this.jsm.streams.update(this.streamName, config);
    } catch (error: any) {
      if (!isNotFound(error)) throw error;
      try {
        await this.jsm.streams.add(config);
      } catch (addError: any) {
        // Another replica created it first.
        if (!/already in use/i.test(String(addError?.message))) throw addError;
      }
    }
  }

  private async ensureConsumer(durable: string, config: Partial<ConsumerConfig>): Promise<void> {
    try {
      await this.jsm.consumers.info(this.streamName, durable);
    } catch (error: any) {
      if (!isNotFound(error)) throw error;
      try {
        await this.jsm.consumers.add(this.streamName, config);
        return;
      } catch (addError: any) {
        if (!/already in use|already exists/i.test(String(addError?.message))) throw addError;
      }
    }
    try {
      await this.jsm.consumers.update(this.streamName, durable, {
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
        max_ack_pending: config.max_ack_pending,
      });
    } catch (error) {
      this.logger.warn(`consumer ${durable} exists with settings that cannot be updated: ${describeError(error)}`);
    }
  }
}

function readHeaders(hdrs: MsgHdrs | undefined): MessageHeaders {
  const out: MessageHeaders = {};
  if (!hdrs) return out;
  for (const [name, values] of hdrs) out[name] = values[0];
  return out;
}

function isNotFound(error: any): boolean {
  return error?.api_error?.err_code === 10059 || error?.api_error?.err_code === 10014 || /not found/i.test(String(error?.message));
}

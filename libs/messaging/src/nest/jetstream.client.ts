import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { randomUUID } from 'crypto';
import { EventBus, EventSubscription, PublishOptions, SubjectRef, subjectOf } from '../event-bus.port';
import { JetStreamRecord } from './jetstream-record';
import { CORRELATION_ID_HEADER, REPLY_TO_HEADER, ReplyEnvelope } from './reply-headers';

export interface JetStreamClientOptions {
  bus: EventBus;
  /** Names this client's reply subject and durable; needed only for `send()` (default a random id). */
  clientId?: string;
}

/**
 * Nest ClientProxy over the EventBus. `emit(CONTRACT.subject, payload)` publishes (wrap the payload in a
 * JetStreamRecord to set key, message id or headers). `send()` is request/response through a reply subject:
 * at-least-once, so the handler must be idempotent; prefer events between services.
 */
export class JetStreamClient extends ClientProxy {
  private readonly clientId: string;
  private readonly pending = new Map<string, (packet: WritePacket) => void>();
  private replies?: Promise<EventSubscription>;

  constructor(private readonly options: JetStreamClientOptions) {
    super();
    this.clientId = (options.clientId ?? randomUUID()).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  async connect(): Promise<void> {
    return undefined;
  }

  async close(): Promise<void> {
    const replies = this.replies;
    this.replies = undefined;
    await (await replies)?.close();
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  /** Typed publish without the Observable: `client.publishEvent(TENANT_CREATED_V1, payload, {key})`. */
  publishEvent<T>(subject: SubjectRef<T>, payload: T, options?: PublishOptions): Promise<void> {
    return this.options.bus.publish(subject, payload, options);
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    const { data, options } = unpack(packet.data);
    await this.options.bus.publish(subjectOf(packet.pattern), data, options);
    return undefined as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const correlationId = randomUUID();
    this.pending.set(correlationId, callback);
    const { data, options } = unpack(packet.data);
    this.replySubscription()
      .then(() =>
        this.options.bus.publish(subjectOf(packet.pattern), data, {
          ...options,
          headers: { ...options.headers, [REPLY_TO_HEADER]: this.replySubject(), [CORRELATION_ID_HEADER]: correlationId },
        }),
      )
      .catch((err) => {
        this.pending.delete(correlationId);
        callback({ err, isDisposed: true });
      });
    return () => this.pending.delete(correlationId);
  }

  private replySubject(): string {
    return `replies.${this.clientId}`;
  }

  private replySubscription(): Promise<EventSubscription> {
    this.replies ??= this.options.bus.subscribe<ReplyEnvelope>(this.replySubject(), {
      durable: `reply-${this.clientId}`,
      handler: (message) => {
        const callback = this.pending.get(message.headers[CORRELATION_ID_HEADER]);
        if (!callback) return; // caller gave up (unsubscribed or timed out)
        this.pending.delete(message.headers[CORRELATION_ID_HEADER]);
        callback({ response: message.data.response, err: message.data.err, isDisposed: true });
      },
    });
    return this.replies;
  }
}

function unpack(value: unknown): { data: unknown; options: PublishOptions } {
  return value instanceof JetStreamRecord ? { data: value.data, options: value.options } : { data: value, options: {} };
}

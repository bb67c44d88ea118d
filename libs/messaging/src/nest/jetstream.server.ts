import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { isRetryable, describeError } from '../delivery-policy';
import { EventBus, EventMessage, EventSubscription } from '../event-bus.port';
import { JetStreamContext } from './jetstream.context';
import { CORRELATION_ID_HEADER, REPLY_TO_HEADER, ReplyEnvelope } from './reply-headers';

export interface JetStreamServerOptions {
  /** The bus (JetStream or Postgres adapter): the transport works on either. */
  bus: EventBus;
  /** Durable consumer names are `<durablePrefix>-<pattern>`: one per service, shared by its replicas. */
  durablePrefix: string;
  maxDeliver?: number;
  backoff?: number[];
  concurrency?: number;
  /** Close the bus when the microservice closes (default false: the bus usually belongs to a module). */
  closeBus?: boolean;
}

/**
 * Nest custom transport over the EventBus port: `@EventPattern(CONTRACT.subject)` and
 * `@MessagePattern(...)` handlers become durable subscriptions with ack after the handler resolves,
 * nak with backoff on retryable errors, dead-letter on poison ones. Use with `EventBusExceptionFilter`
 * so the original error reaches the bus.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly subscriptions: EventSubscription[] = [];

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        this.subscriptions.push(
          await this.options.bus.subscribe(pattern, {
            durable: `${this.options.durablePrefix}-${pattern}`,
            maxDeliver: this.options.maxDeliver,
            backoff: this.options.backoff,
            concurrency: this.options.concurrency,
            handler: (message) => this.handle(handler, message),
          }),
        );
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.close()));
    if (this.options.closeBus) await this.options.bus.close();
  }

  on(): never {
    throw new Error('JetStreamServer does not emit transport events; use EventBus.isHealthy()');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  private async handle(handler: MessageHandler, message: EventMessage): Promise<void> {
    const context = new JetStreamContext([message]);
    const replyTo = message.headers[REPLY_TO_HEADER];
    try {
      const result = await handler(message.data, context);
      const response = await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      if (replyTo && !handler.isEventHandler) await this.reply(message, replyTo, { response });
    } catch (error) {
      if (replyTo && !handler.isEventHandler && !isRetryable(error)) {
        await this.reply(message, replyTo, { err: describeError(error) });
      }
      throw error;
    }
  }

  private reply(message: EventMessage, replyTo: string, envelope: ReplyEnvelope): Promise<void> {
    return this.options.bus.publish(replyTo, envelope, {
      messageId: `${message.messageId}:reply`,
      headers: { [CORRELATION_ID_HEADER]: message.headers[CORRELATION_ID_HEADER] ?? '' },
    });
  }
}

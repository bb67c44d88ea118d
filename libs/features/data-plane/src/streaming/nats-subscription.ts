import { connect, NatsConnection, Subscription } from 'nats';
import { SourceUnavailableException } from '../sources/source-unavailable.exception';
import { NatsSource } from '../sources/source-address';

/** A core NATS subscription of a streaming source, open until `close()` or the signal aborts. */
export class NatsSubscription {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly subscription: Subscription,
  ) {}

  static async open(source: NatsSource, defaultServers: string, signal: AbortSignal): Promise<NatsSubscription> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: (source.servers ?? defaultServers).split(',').map((s) => s.trim()), timeout: 5_000 });
    } catch (error) {
      throw new SourceUnavailableException(`the NATS source could not be reached: ${(error as Error)?.message ?? error}`);
    }
    const subscription = connection.subscribe(source.subject);
    const opened = new NatsSubscription(connection, subscription);
    if (signal.aborted) await opened.close();
    else signal.addEventListener('abort', () => void opened.close(), { once: true });
    return opened;
  }

  /** Message payloads until the subscription closes. */
  async *messages(): AsyncGenerator<Uint8Array> {
    for await (const message of this.subscription) yield message.data;
  }

  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    this.subscription.unsubscribe();
    await this.connection.close().catch(() => undefined);
  }
}

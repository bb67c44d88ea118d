import { Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { backoffDelay, describeError } from '../delivery-policy';
import { EventBus } from '../event-bus.port';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayOptions {
  /** Rows claimed per round (default 50). */
  batchSize?: number;
  /** Poll when no NOTIFY arrives (default 1 s). */
  pollIntervalMs?: number;
  /** A claimed row is free again after this if the relay died (default 30 s). */
  leaseMs?: number;
  /** Delay after failed publish attempt n is backoff[n-1]; the last repeats (default 1s, 5s, 30s, 60s). */
  backoff?: number[];
  /** Sent rows are deleted after this (default 1 day). */
  keepSentMs?: number;
}

interface OutboxRow {
  id: string;
  subject: string;
  key: string | null;
  payload: unknown;
  headers: Record<string, string>;
  attempts: number;
}

/**
 * Drains a service's outbox table to the EventBus. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a
 * lease, so relays on several replicas share the work; a row whose relay died after publishing but before
 * marking it sent is published again with the same message id (the row id) and dropped as a duplicate.
 * A key's rows are published one after another in commit order. Publishing is retried without limit
 * (with backoff): an outbox row is a committed fact and is never dropped.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly channel: string;
  private running?: Promise<void>;
  private stopped = true;
  private wake: () => void = () => undefined;
  private listener?: Client;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly options: OutboxRelayOptions = {},
  ) {
    const schema = (dataSource.options as { schema?: string }).schema;
    this.table = schema ? `"${schema}"."outbox"` : `"outbox"`;
    this.channel = outboxChannel(schema);
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.listen().catch((error) =>
      this.logger.warn(`LISTEN failed, relying on polling: ${describeError(error)}`),
    );
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** One round: claims, publishes and marks up to `batchSize` rows. Returns how many were published. */
  async relayOnce(): Promise<number> {
    const token = randomUUID();
    const rows: OutboxRow[] = await this.dataSource.query(
      `WITH c AS (
         SELECT o.id FROM ${this.table} o
         WHERE o.sent_at IS NULL AND o.next_attempt_at <= now()
           AND (o.locked_until IS NULL OR o.locked_until < now())
           AND (o.key IS NULL OR NOT EXISTS (
             SELECT 1 FROM ${this.table} e WHERE e.key = o.key AND e.sent_at IS NULL AND e.position < o.position))
         ORDER BY o.position
         LIMIT $1
         FOR UPDATE OF o SKIP LOCKED
       )
       UPDATE ${this.table} o
       SET locked_until = now() + ($2::double precision * interval '1 millisecond'), lock_token = $3,
           attempts = o.attempts + 1
       FROM c WHERE o.id = c.id
       RETURNING o.id, o.subject, o.key, o.payload, o.headers, o.attempts, o.position`,
      [this.options.batchSize ?? 50, this.options.leaseMs ?? 30_000, token],
    ).then((result: any[]) => (Array.isArray(result[0]) ? result[0] : result));
    rows.sort((a: any, b: any) => Number(a.position) - Number(b.position));
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await this.bus.publish(row.subject, row.payload, {
          messageId: row.id,
          key: row.key ?? undefined,
          headers: row.headers,
        });
        sent.push(row.id);
      } catch (error) {
        const delay = backoffDelay(this.options.backoff ?? [1000, 5000, 30_000, 60_000], row.attempts);
        this.logger.warn(`publishing outbox row ${row.id} (${row.subject}) failed, retry in ${delay}ms: ${describeError(error)}`);
        await this.dataSource.query(
          `UPDATE ${this.table} SET locked_until = NULL, lock_token = NULL, last_error = $3,
             next_attempt_at = now() + ($4::double precision * interval '1 millisecond')
           WHERE id = $1 AND lock_token = $2`,
          [row.id, token, describeError(error), delay],
        );
      }
    }
    if (sent.length > 0) {
      await this.dataSource.query(
        `UPDATE ${this.table} SET sent_at = now(), locked_until = NULL, lock_token = NULL
         WHERE id = ANY($1::uuid[]) AND lock_token = $2`,
        [sent, token],
      );
    }
    // Rows of a key after a failed one stay claimed until the lease ends; free them for the next round.
    const unsent = rows.filter((r) => !sent.includes(r.id)).map((r) => r.id);
    if (unsent.length > 0) {
      await this.dataSource.query(
        `UPDATE ${this.table} SET locked_until = NULL, lock_token = NULL WHERE id = ANY($1::uuid[]) AND lock_token = $2`,
        [unsent, token],
      );
    }
    return sent.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let published = 0;
      try {
        published = await this.relayOnce();
        await this.pruneSent();
      } catch (error) {
        if (!this.stopped) this.logger.warn(`outbox relay round failed: ${describeError(error)}`);
      }
      if (published > 0 || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollIntervalMs ?? 1000);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
    }
  }

  private async pruneSent(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE sent_at < now() - ($1::double precision * interval '1 millisecond')`,
      [this.options.keepSentMs ?? 86_400_000],
    );
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    if (!options.url) return;
    const client = new Client({ connectionString: options.url, application_name: 'dsaas-outbox-relay' });
    client.on('notification', () => this.wake());
    client.on('error', () => {
      // Polling keeps the relay going; the listener is not reopened.
      client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.listener = client;
  }
}

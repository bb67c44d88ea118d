import { Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Client, Pool, PoolClient } from 'pg';
import { DeadLetter, deadLetterSubject } from '../dead-letter';
import { describeError } from '../delivery-policy';
import { Delivery, DeliveryProcessor } from '../delivery-processor';
import {
  EventBus,
  EventSubscription,
  PublishOptions,
  SubjectRef,
  SubscribeOptions,
  subjectOf,
} from '../event-bus.port';
import { assertValidSubject, subjectPatternToRegex } from '../subject-pattern';
import { PostgresEventBusOptions } from './postgres-event-bus.options';
import { migrateMessagingSchema } from './postgres-messaging.schema';

type Queryable = Pick<PoolClient, 'query'>;

interface ClaimedRow {
  message_seq: string;
  attempts: number;
  message_id: string;
  subject: string;
  key: string | null;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * EventBus on PostgreSQL, for the all-in-one platform that runs without NATS.
 *
 * `messages` is the log (deduplicated by `message_id`); publishing fans a message out into one
 * `deliveries` row per matching durable consumer. Consumers claim rows with `FOR UPDATE SKIP LOCKED`
 * and a lease (`locked_until`): a crashed consumer's delivery is claimed again when the lease runs out.
 * A key's next message is not claimable while an earlier one of that key is still pending (strict order
 * per key, retries included). NOTIFY wakes consumers on publish; a poll covers lost notifications.
 */
export class PostgresEventBus implements EventBus {
  private readonly logger = new Logger(PostgresEventBus.name);
  private readonly schema: string;
  private readonly channel: string;
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly subscriptions = new Set<EventSubscription>();
  private listener?: Client;
  private pruneTimer?: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventBusOptions,
  ) {
    this.schema = options.schema ?? 'messaging';
    this.channel = `${this.schema}_messages`;
  }

  /** Opens the pool, applies the schema migrations and starts listening for notifications. */
  static async connect(options: PostgresEventBusOptions): Promise<PostgresEventBus> {
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: 'dsaas-messaging',
    });
    pool.on('error', () => undefined);
    const bus = new PostgresEventBus(pool, options);
    try {
      const client = await pool.connect();
      try {
        await migrateMessagingSchema(client, bus.schema);
      } finally {
        client.release();
      }
      await bus.listen();
      bus.pruneTimer = setInterval(
        () => bus.prune(options.retentionMs ?? 7 * 86_400_000).catch(() => undefined),
        3_600_000,
      ).unref();
      return bus;
    } catch (error) {
      await bus.close();
      throw error;
    }
  }

  async publish<T>(subject: SubjectRef<T>, payload: T, options: PublishOptions = {}): Promise<void> {
    const name = subjectOf(subject);
    assertValidSubject(name, false);
    await this.inTransaction((client) => this.insertMessage(client, name, payload, options));
  }

  async subscribe<T>(subject: SubjectRef<T>, options: SubscribeOptions<T>): Promise<EventSubscription> {
    const pattern = subjectOf(subject);
    assertValidSubject(pattern, true);
    const consumer = options.durable;
    await this.registerConsumer(consumer, pattern);
    const leaseMs = this.options.leaseMs ?? 30_000;
    const processor = new DeliveryProcessor<T>(pattern, options, {
      heartbeatMs: Math.max(100, Math.floor(leaseMs / 3)),
      handlerTimeoutMs: this.options.handlerTimeoutMs ?? 300_000,
      logger: this.logger,
    });
    let stopped = false;
    let wake: () => void = () => undefined;
    const waiter = () => wake();
    this.waitersOf(consumer).add(waiter);

    const worker = async () => {
      while (!stopped) {
        let claimed: Delivery<T> | undefined;
        try {
          claimed = await this.claim<T>(consumer, leaseMs);
        } catch (error) {
          if (!stopped) this.logger.warn(`claiming for ${consumer} failed: ${describeError(error)}`);
        }
        if (stopped) break;
        if (claimed) {
          await processor.process(claimed);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.options.pollIntervalMs ?? 1000);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          wake = done;
        });
      }
    };
    const workers = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () =>
      worker().catch((error) => this.logger.error(`consumer ${consumer} stopped: ${describeError(error)}`)),
    );

    let closing: Promise<void> | undefined;
    const subscription: EventSubscription = {
      close: () =>
        (closing ??= (async () => {
          stopped = true;
          this.subscriptions.delete(subscription);
          this.waitersOf(consumer).delete(waiter);
          wake();
          await processor.drain(this.options.closeGraceMs ?? 10_000);
          // Workers sitting on an abandoned handler are left behind; their delivery's lease runs out.
          void workers;
        })()),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async isHealthy(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.pool.query({ text: 'SELECT 1', query_timeout: 2000 } as any);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Deletes messages older than `olderThanMs` that no consumer still has pending (with their settled
   * deliveries). Their message ids are forgotten too: the dedup window is the retention, as in JetStream.
   */
  async prune(olderThanMs: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.t('messages')} m
       WHERE m.created_at < now() - ($1::double precision * interval '1 millisecond')
         AND NOT EXISTS (SELECT 1 FROM ${this.t('deliveries')} d WHERE d.message_seq = m.seq AND d.status = 'pending')`,
      [olderThanMs],
    );
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.pruneTimer);
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private t(table: string): string {
    return `"${this.schema}".${table}`;
  }

  private waitersOf(consumer: string): Set<() => void> {
    let set = this.waiters.get(consumer);
    if (!set) this.waiters.set(consumer, (set = new Set()));
    return set;
  }

  private async inTransaction<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Consumer registration takes this lock exclusively, publishers shared: no message slips between. */
  private fanOutLock(client: Queryable, exclusive: boolean): Promise<unknown> {
    const fn = exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    return client.query(`SELECT ${fn}(hashtext($1))`, [`dsaas-messaging-fanout:${this.schema}`]);
  }

  private async insertMessage(client: Queryable, subject: string, payload: unknown, options: PublishOptions) {
    await this.fanOutLock(client, false);
    await client.query(
      `WITH m AS (
         INSERT INTO ${this.t('messages')} (message_id, subject, key, payload, headers)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)
         ON CONFLICT (message_id) DO NOTHING
         RETURNING seq, subject, key
       ), d AS (
         INSERT INTO ${this.t('deliveries')} (consumer, message_seq, key)
         SELECT c.name, m.seq, m.key FROM m JOIN ${this.t('consumers')} c ON m.subject ~ c.subject_regex
         RETURNING consumer
       )
       SELECT pg_notify($6, consumer) FROM d`,
      [
        options.messageId ?? randomUUID(),
        subject,
        options.key ?? null,
        JSON.stringify(payload ?? null),
        JSON.stringify(options.headers ?? {}),
        this.channel,
      ],
    );
  }

  /**
   * Creates the durable consumer, or points it at a new pattern. A new consumer starts from the whole log
   * (as a JetStream consumer with deliver policy "all" does).
   */
  private async registerConsumer(consumer: string, pattern: string): Promise<void> {
    const regex = subjectPatternToRegex(pattern);
    await this.inTransaction(async (client) => {
      await this.fanOutLock(client, true);
      const { rows } = await client.query(
        `INSERT INTO ${this.t('consumers')} (name, subject_pattern, subject_regex) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET subject_pattern = EXCLUDED.subject_pattern, subject_regex = EXCLUDED.subject_regex
         RETURNING (xmax = 0) AS inserted`,
        [consumer, pattern, regex],
      );
      if (rows[0].inserted) {
        await client.query(
          `INSERT INTO ${this.t('deliveries')} (consumer, message_seq, key)
           SELECT $1, seq, key FROM ${this.t('messages')} WHERE subject ~ $2
           ON CONFLICT DO NOTHING`,
          [consumer, regex],
        );
      }
    });
  }

  private async claim<T>(consumer: string, leaseMs: number): Promise<Delivery<T> | undefined> {
    const token = randomUUID();
    const { rows } = await this.pool.query<ClaimedRow>(
      `WITH c AS (
         SELECT d.message_seq FROM ${this.t('deliveries')} d
         WHERE d.consumer = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
           AND (d.locked_until IS NULL OR d.locked_until < now())
           AND (d.key IS NULL OR NOT EXISTS (
             SELECT 1 FROM ${this.t('deliveries')} e
             WHERE e.consumer = d.consumer AND e.key = d.key AND e.status = 'pending' AND e.message_seq < d.message_seq))
         ORDER BY d.message_seq
         LIMIT 1
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE ${this.t('deliveries')} d
       SET attempts = d.attempts + 1, locked_until = now() + ($2::double precision * interval '1 millisecond'),
           lock_token = $3, updated_at = now()
       FROM c, ${this.t('messages')} m
       WHERE d.consumer = $1 AND d.message_seq = c.message_seq AND m.seq = c.message_seq
       RETURNING d.message_seq, d.attempts, m.message_id, m.subject, m.key, m.payload, m.headers`,
      [consumer, leaseMs, token],
    );
    if (rows.length === 0) return undefined;
    return this.toDelivery<T>(consumer, rows[0], token, leaseMs);
  }

  private toDelivery<T>(consumer: string, row: ClaimedRow, token: string, leaseMs: number): Delivery<T> {
    const message = {
      subject: row.subject,
      data: row.payload as T,
      headers: row.headers ?? {},
      messageId: row.message_id,
      key: row.key ?? undefined,
      attempt: row.attempts,
    };
    const where = `consumer = $1 AND message_seq = $2 AND lock_token = $3`;
    const params = [consumer, row.message_seq, token];
    const settle = async (sql: string, extra: unknown[] = []) => {
      const result = await this.pool.query(sql, [...params, ...extra]);
      if (result.rowCount === 0) {
        this.logger.warn(`lease on ${message.messageId} for ${consumer} was lost before it was settled`);
      }
    };
    return {
      message,
      ack: () =>
        settle(
          `UPDATE ${this.t('deliveries')} SET status = 'acked', locked_until = NULL, lock_token = NULL, updated_at = now() WHERE ${where}`,
        ),
      nak: (delayMs, reason) =>
        settle(
          `UPDATE ${this.t('deliveries')}
           SET locked_until = NULL, lock_token = NULL, last_error = $5, updated_at = now(),
               next_attempt_at = now() + ($4::double precision * interval '1 millisecond')
           WHERE ${where}`,
          [delayMs, reason],
        ),
      heartbeat: () =>
        settle(
          `UPDATE ${this.t('deliveries')} SET locked_until = now() + ($4::double precision * interval '1 millisecond') WHERE ${where}`,
          [leaseMs],
        ),
      // Marking the delivery dead and publishing the dead letter commit together.
      deadLetter: (reason) =>
        this.inTransaction(async (client) => {
          const result = await client.query(
            `UPDATE ${this.t('deliveries')}
             SET status = 'dead', locked_until = NULL, lock_token = NULL, last_error = $4, updated_at = now()
             WHERE ${where}`,
            [...params, reason],
          );
          if (result.rowCount === 0) return;
          const letter: DeadLetter<T> = {
            ...message,
            consumer,
            attempts: message.attempt,
            reason,
            failedAt: new Date().toISOString(),
          };
          await this.insertMessage(client, deadLetterSubject(message.subject), letter, {
            messageId: `${message.messageId}:dlq:${consumer}`,
            key: message.key,
          });
        }),
    };
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.options.url, application_name: 'dsaas-messaging-listen' });
    client.on('notification', (n) => {
      for (const wake of this.waiters.get(n.payload ?? '') ?? []) wake();
    });
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost, polling until it is back: ${describeError(error)}`);
      client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      setTimeout(() => this.listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.listener = client;
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { MessageHeaders, SubjectRef, subjectOf } from '../event-bus.port';
import { assertValidSubject } from '../subject-pattern';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxEnqueueOptions {
  /** Ordering key, as in `PublishOptions.key`. */
  key?: string;
  headers?: MessageHeaders;
  /** Row id and bus message id (default: a new UUID). */
  id?: string;
}

/** The channel the relay listens on; NOTIFY inside the transaction only fires if it commits. */
export function outboxChannel(schema: string | undefined): string {
  return `${schema ?? 'public'}_outbox`;
}

/**
 * Writes a message to the outbox with the caller's `EntityManager`, i.e. inside the caller's transaction:
 * the message exists if and only if the state change commits. The OutboxRelay publishes it afterwards.
 */
@Injectable()
export class OutboxWriter {
  async enqueue<T>(
    manager: EntityManager,
    subject: SubjectRef<T>,
    payload: T,
    options: OutboxEnqueueOptions = {},
  ): Promise<string> {
    const name = subjectOf(subject);
    assertValidSubject(name, false);
    const id = options.id ?? randomUUID();
    await manager.insert(OutboxMessageEntity, {
      id,
      subject: name,
      key: options.key ?? null,
      payload: payload as any,
      headers: options.headers ?? {},
    });
    const schema = (manager.connection.options as { schema?: string }).schema;
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), '']);
    return id;
  }
}

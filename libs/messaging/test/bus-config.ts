import { EventBus } from '../src/event-bus.port';
import { JetStreamEventBus } from '../src/nats/jetstream-event-bus';
import { JetStreamEventBusOptions } from '../src/nats/jetstream-event-bus.options';
import { PostgresEventBus } from '../src/postgres/postgres-event-bus';
import { PostgresEventBusOptions } from '../src/postgres/postgres-event-bus.options';

/** Serialisable recipe for a bus, so a child process can build the same one. */
export type BusConfig =
  | { kind: 'nats'; options: JetStreamEventBusOptions }
  | { kind: 'postgres'; options: PostgresEventBusOptions };

export function openBus(config: BusConfig): Promise<EventBus> {
  return config.kind === 'nats' ? JetStreamEventBus.connect(config.options) : PostgresEventBus.connect(config.options);
}

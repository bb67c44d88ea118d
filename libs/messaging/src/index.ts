export * from './event-bus.port';
export * from './poison-message.error';
export * from './dead-letter';
export { isRetryable, backoffDelay, DEFAULT_BACKOFF_MS, DEFAULT_MAX_DELIVER } from './delivery-policy';
export * from './nats/jetstream-event-bus';
export * from './nats/jetstream-event-bus.options';
export * from './postgres/postgres-event-bus';
export * from './postgres/postgres-event-bus.options';

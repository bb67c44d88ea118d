export interface PostgresEventBusOptions {
  /** Connection URL of the database holding the messaging schema. */
  url: string;
  /** Schema of the message log and delivery tables (default `messaging`). */
  schema?: string;
  /** Lease of a claimed delivery; a crashed consumer's message is redelivered after it (default 30 s). */
  leaseMs?: number;
  /** Fallback poll when no NOTIFY arrives, also paces backoff redeliveries (default 1 s). */
  pollIntervalMs?: number;
  /** A handler running longer counts as failed (default 5 minutes). */
  handlerTimeoutMs?: number;
  /** How long `close()` waits for running handlers (default 10 s). */
  closeGraceMs?: number;
  /** Settled messages older than this are deleted hourly (default 7 days); also the dedup window. */
  retentionMs?: number;
  poolSize?: number;
}

export interface JetStreamEventBusOptions {
  /** NATS server URL(s). */
  servers: string | string[];
  /**
   * Prefix of every subject and the stream name: subject `cfm.tenant.created.v1` is stored as
   * `<prefix>.cfm.tenant.created.v1` in stream `<prefix>`. Tests use `uniqueStreamPrefix()`.
   */
  prefix: string;
  /** Connection name shown by the server (default `dsaas`). */
  name?: string;
  /** How long the stream keeps messages (default 7 days). */
  maxAgeMs?: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped (default 2 minutes). */
  duplicateWindowMs?: number;
  /** Stream replicas: 3 on the clustered deployment, 1 here (default 1). */
  replicas?: number;
  /** Unacked delivery is redelivered after this (default 30 s); running handlers extend it by heartbeats. */
  ackWaitMs?: number;
  /** A handler running longer counts as failed (default 5 minutes). */
  handlerTimeoutMs?: number;
  /** How long `close()` waits for running handlers (default 10 s). */
  closeGraceMs?: number;
}

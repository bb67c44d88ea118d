/** Headers of the request/response exchange behind `@MessagePattern` + `JetStreamClient.send`. */
export const REPLY_TO_HEADER = 'dsaas-reply-to';
export const CORRELATION_ID_HEADER = 'dsaas-correlation-id';

/** Body published to the reply subject. */
export interface ReplyEnvelope {
  response?: unknown;
  err?: unknown;
}

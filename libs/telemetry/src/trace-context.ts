import { context, propagation, trace } from '@opentelemetry/api';

/** The active trace id, for log lines. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
}

/** W3C trace-context headers of the active span, to put on outgoing messages. */
export function injectTraceHeaders(headers: Record<string, string> = {}): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

/** Runs `fn` in the trace context carried by incoming message headers. */
export function withExtractedTraceContext<T>(headers: Record<string, string>, fn: () => T): T {
  return context.with(propagation.extract(context.active(), headers), fn);
}

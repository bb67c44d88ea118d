import pino, { Logger, LoggerOptions } from 'pino';
import { currentTraceId } from './trace-context';

/** Paths never written to logs: credentials, tokens and secret values. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body.client_secret',
  'req.body.clientSecret',
  '*.password',
  '*.secret',
  '*.privateKey',
  '*.clientSecret',
];

export function pinoOptions(service: string, level = process.env.LOG_LEVEL ?? 'info'): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    mixin: () => {
      const traceId = currentTraceId();
      return traceId ? { traceId } : {};
    },
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(service: string, level?: string): Logger {
  return pino(pinoOptions(service, level));
}

import { AsyncLocalStorage } from 'async_hooks';
import { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's start-up chatter (module wiring, route mapping) belongs at debug, not info. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * Nest's logger on top of one pino instance per service. nestjs-pino keeps a process-wide root logger, which
 * would stamp every service of the single-process platform with the first service's name.
 */
export class PinoNestLogger implements LoggerService {
  /**
   * The service whose code is running. Nest's `new Logger(context)` writes through one process-wide instance (the
   * last app's); in the single-process platform this scope, entered when a service boots and for each of its
   * requests, keeps every line stamped with the service that wrote it.
   */
  static readonly scope = new AsyncLocalStorage<Logger>();

  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = this.context(rest);
    this.write(context && BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private context(rest: unknown[]): string | undefined {
    const last = rest[rest.length - 1];
    return typeof last === 'string' ? last : undefined;
  }

  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, rest: unknown[]): void {
    const logger = PinoNestLogger.scope.getStore() ?? this.logger;
    const context = this.context(rest);
    const fields: Record<string, unknown> = context ? { context } : {};
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      // nestjs-pino style: logger.log({ fields }, 'message') arrives as (fields, 'message', context).
      const { msg, ...others } = message as Record<string, unknown>;
      const text = typeof msg === 'string' ? msg : rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : '';
      logger[level]({ ...fields, ...others }, text);
      return;
    }
    if (message instanceof Error) fields.err = message;
    const stack = rest.find((r) => typeof r === 'string' && r.includes('\n    at '));
    if (stack) fields.stack = stack;
    logger[level](fields, message instanceof Error ? message.message : String(message));
  }
}

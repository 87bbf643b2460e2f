import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** What every log line inside a handled event or request carries. */
export interface LogContext {
  correlationId: string;
  [field: string]: unknown;
}

const contextStorage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `fn` with a log context: every line logged inside it (by any logger made here), however deep
 * in the call stack or across awaits, carries the context's fields, `correlationId` first of all.
 */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  const outer = contextStorage.getStore();
  return contextStorage.run(outer ? { ...outer, ...context } : context, fn);
}

export function currentLogContext(): LogContext | undefined {
  return contextStorage.getStore();
}

/** The correlation id in force, or a new one when the work did not come with one. */
export function currentCorrelationId(): string {
  return contextStorage.getStore()?.correlationId ?? randomUUID();
}

export interface CreateLoggerOptions {
  name: string;
  level?: string;
  /** Pretty lines for a person at a terminal; JSON otherwise. Default: pretty when stdout is a TTY. */
  pretty?: boolean;
  /** Where JSON lines go (tests pass a stream to read them back). */
  destination?: pino.DestinationStream;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const base: LoggerOptions = {
    name: options.name,
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    mixin: () => contextStorage.getStore() ?? {},
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(base, options.destination);
  const pretty = options.pretty ?? (process.stdout.isTTY && process.env.LOG_FORMAT !== 'json');
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } },
    });
  }
  return pino(base);
}

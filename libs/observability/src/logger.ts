import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Never written to a log line, wherever they appear in the logged object. */
const REDACTED_PATHS = [
  'password',
  'accessToken',
  'refreshToken',
  'token',
  'authorization',
  'cookie',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export interface LoggingOptions {
  service: string;
  level?: string;
  destination?: DestinationStream;
}

function createRootLogger(options: LoggingOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Every line carries the active trace, so a log line leads to its trace and back.
      mixin() {
        const spanContext = trace.getActiveSpan()?.spanContext();
        if (!spanContext || !isSpanContextValid(spanContext)) return {};
        return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
      },
    },
    options.destination,
  );
}

let root: Logger | undefined;

/** Sets the service name and level of every logger created afterwards. Call once at start. */
export function configureLogging(options: LoggingOptions): Logger {
  root = createRootLogger(options);
  return root;
}

function rootLogger(): Logger {
  root ??= createRootLogger({
    service: process.env.OTEL_SERVICE_NAME ?? 'irp',
    level: process.env.LOG_LEVEL,
  });
  return root;
}

/** A logger whose `context` is the class (or module) using it. */
export function getLogger(context: string): Logger {
  return rootLogger().child({ context });
}

/** Routes NestJS's own log calls into the same JSON lines. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
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

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context as the last string argument, and an error stack before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : 'Nest';
    const logger = getLogger(context);
    if (message instanceof Error) logger[level]({ err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level](message);
    else logger[level](String(message));
  }
}

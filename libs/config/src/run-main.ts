import { getLogger } from '@irp/observability';
import { ConfigError } from './load-env';

interface Closable {
  close(): Promise<void>;
}

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * The body of every service's main.ts: start, stop cleanly on SIGTERM/SIGINT, and fail fast
 * with a plain message (no stack) when the configuration is wrong.
 */
export function runMain(name: string, start: () => Promise<Closable>, options: { shutdownTimeoutMs?: number } = {}): void {
  // Created when needed: start() configures logging (service name, level) first.
  const log = () => getLogger(name);
  start().then(
    (service) => {
      const stop = (signal: string) => {
        log().info({ signal }, 'shutting down');
        const timer = setTimeout(() => {
          log().error('shutdown timed out; exiting');
          process.exit(1);
        }, options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
        service.close().then(
          () => {
            clearTimeout(timer);
            process.exit(0);
          },
          (error: unknown) => {
            log().error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', stop).once('SIGINT', stop);
    },
    (error: unknown) => {
      if (error instanceof ConfigError) process.stderr.write(`${name}: ${error.message}\n`);
      else log().fatal({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}

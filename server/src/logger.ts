import pino, { type Logger } from 'pino';

/**
 * The one logger of the server: JSON lines (one event each, cheap on the hot path) unless a
 * person is reading — `NODE_ENV=development`, `LOG_FORMAT=pretty`, or a terminal on stdout.
 * Request handlers log through a child carrying the request id (see http/request-log.ts).
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env, stdoutIsTty = Boolean(process.stdout.isTTY)): Logger {
  const format = env.LOG_FORMAT ?? (env.NODE_ENV === 'development' || stdoutIsTty ? 'pretty' : 'json');
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');
  const options = {
    level,
    base: { service: 'clusteratlas' },
    // Keys never reach a log line, whatever a caller passes in.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.apiKey'], censor: '[redacted]' },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { colorize: stdoutIsTty, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service' } } }
      : {}),
  };
  if (format === 'pretty') return pino(options);
  // Asynchronous writes (sonic-boom, flushed synchronously at exit by pino): a synchronous write per
  // request line put a write(2) on the event loop for every answer, 0.7 ms each under load (profiled
  // in bench:abuse), and lines written while one write is pending go out together.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

export const logger: Logger = createLogger();

/** The `(line) => void` callbacks of start-up code (launcher, loader, seed) as info lines of a component. */
export function lineLog(component: string): (line: string) => void {
  const child = logger.child({ component });
  return (line: string) => child.info(line);
}

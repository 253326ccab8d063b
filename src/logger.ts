import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Anything that could carry the token, wherever it is nested in a log line. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * Structured logs on stderr, so that stdout stays the console's and `ask --json`'s own.
 * @param secrets exact strings (the token) scrubbed from every line, whatever field they hide in
 */
export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  destination: pino.DestinationStream = readableOn(2),
): Logger {
  const scrub = secrets.filter((secret) => secret.length >= 8);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => scrub.reduce((text, secret) => text.split(secret).join('[redacted]'), line),
      },
    },
    destination,
  );
}

/**
 * Pretty lines for a person at a terminal, JSON lines otherwise.
 * @param to a file descriptor, or a stream the lines go through first (the console's log gate)
 */
export function readableOn(to: 2 | NodeJS.WritableStream): pino.DestinationStream {
  if (process.stderr.isTTY) return pretty({ destination: to, sync: true });
  return typeof to === 'number' ? pino.destination(to) : to;
}

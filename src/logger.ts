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
  destination: pino.DestinationStream = process.stderr.isTTY
    ? pretty({ destination: 2, sync: true })
    : pino.destination(2),
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

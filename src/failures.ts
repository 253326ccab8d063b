import { ConfigError } from './config.js';

/** The dataset the bot would start with cannot be used; the message lists why. */
export class StartupError extends Error {}

/**
 * How every entry point ends on failure: a problem the user can fix (configuration, dataset) is shown as it is,
 * anything else as one line after `context`; never a stack trace. Sets exit code 1.
 */
export function exitWithFailure(error: unknown, context: string): void {
  const fixable = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(`${fixable ? error.message : `${context}: ${(error as Error).message}`}\n`);
  process.exitCode = 1;
}

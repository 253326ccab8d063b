import { ConfigError } from './config.js';

/** How the scripts (`ask`, `validate`) end, for the shell: documented in the README. */
export const ExitCode = {
  /** Answered; the dataset is valid. */
  done: 0,
  /** Something the user can fix: the question, the arguments, the configuration, the dataset. */
  userError: 1,
  /** A bug: a command crashed, something failed unexpectedly. */
  failure: 2,
} as const;

/** The dataset the bot would start with cannot be used; the message lists why. */
export class StartupError extends Error {}

/**
 * How every entry point ends on failure: a problem the user can fix (configuration, dataset) is shown as it is,
 * anything else as one line after `context`; never a stack trace. Sets exit code 1, or `unexpectedCode` for what the
 * user cannot fix (the scripts tell a bug from a bad question or dataset by it).
 */
export function exitWithFailure(error: unknown, context: string, unexpectedCode: number = ExitCode.userError): void {
  const fixable = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(`${fixable ? error.message : `${context}: ${(error as Error).message}`}\n`);
  process.exitCode = fixable ? ExitCode.userError : unexpectedCode;
}

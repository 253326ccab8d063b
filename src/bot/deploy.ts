import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { exitWithFailure } from '../failures.js';
import { deployCommands } from './deployCommands.js';

/** `npm run deploy`: registers the slash commands and says which, where. */
async function main(): Promise<void> {
  const config = loadConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: required by npm run deploy (see .env.example)`));
  }
  const deployment = await deployCommands(config, config.DISCORD_TOKEN ?? '', config.DISCORD_CLIENT_ID ?? '', commands);
  process.stdout.write(
    `Registered ${deployment.names.length} commands (${deployment.scope}): ${deployment.names.map((n) => `/${n}`).join(', ')}\n`,
  );
}

main().catch((error: unknown) => exitWithFailure(error, 'Deploy failed'));

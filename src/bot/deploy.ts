import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig, operatorGuildIds } from '../config.js';
import { exitWithFailure } from '../failures.js';
import { deployCommands } from './deployCommands.js';

/** `npm run deploy`: registers the slash commands and says which, where. */
async function main(): Promise<void> {
  const config = loadConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: required by npm run deploy (see .env.example)`));
  }
  const deployments = await deployCommands(
    config,
    config.DISCORD_TOKEN ?? '',
    config.DISCORD_CLIENT_ID ?? '',
    commands,
  );
  for (const { scope, names } of deployments) {
    process.stdout.write(`Registered ${names.length} commands (${scope}): ${names.map((n) => `/${n}`).join(', ')}\n`);
  }
  if (operatorGuildIds(config).length === 0) {
    const operatorsOnly = [...commands.values()].filter((command) => command.operatorsOnly);
    process.stdout.write(
      `Not registered: ${operatorsOnly.map((command) => `/${command.definition.name}`).join(', ')} ` +
        '(no admin server: set ADMIN_GUILD_IDS or DISCORD_GUILD_ID to manage the dataset from Discord)\n',
    );
  }
}

main().catch((error: unknown) => exitWithFailure(error, 'Deploy failed'));

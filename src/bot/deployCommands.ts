import { REST, Routes } from 'discord.js';
import type { Command } from '../../commands/command.js';
import type { Config } from '../config.js';

export interface Deployment {
  readonly scope: string;
  readonly names: readonly string[];
}

/**
 * Registers the commands: on one server when DISCORD_GUILD_ID is set (instant), globally otherwise.
 * Imports only command definitions: no bot code runs.
 */
export async function deployCommands(
  config: Config,
  token: string,
  clientId: string,
  commands: ReadonlyMap<string, Command>,
): Promise<Deployment> {
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(token);
  const body = [...commands.values()].map((command) => command.definition.toJSON());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(clientId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return {
    scope: config.DISCORD_GUILD_ID
      ? `server ${config.DISCORD_GUILD_ID}`
      : 'global (every server; may take a while to show)',
    names: registered.map((command) => command.name),
  };
}

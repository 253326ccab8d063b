import { REST, Routes } from 'discord.js';
import type { Command } from '../../commands/command.js';
import { type Config, operatorGuildIds } from '../config.js';

export interface Deployment {
  readonly scope: string;
  readonly names: readonly string[];
}

/**
 * Registers the commands. Everyone's commands go on one server when DISCORD_GUILD_ID is set (instant), globally
 * otherwise; the operators' commands only on the admin servers, never globally, so strangers never see them.
 * Each server's list is put whole (a PUT replaces it). Imports only command definitions: no bot code runs.
 */
export async function deployCommands(
  config: Config,
  token: string,
  clientId: string,
  commands: ReadonlyMap<string, Command>,
): Promise<Deployment[]> {
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(token);
  const everyone = [...commands.values()].filter((command) => !command.operatorsOnly);
  const operators = [...commands.values()].filter((command) => command.operatorsOnly);
  const lists = new Map<string | null, Command[]>([[config.DISCORD_GUILD_ID ?? null, [...everyone]]]);
  for (const guildId of operatorGuildIds(config)) lists.set(guildId, [...(lists.get(guildId) ?? []), ...operators]);

  const deployments: Deployment[] = [];
  for (const [guildId, list] of lists) {
    const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
    const body = list.map((command) => command.definition.toJSON());
    const registered = (await rest.put(route, { body })) as { name: string }[];
    deployments.push({
      scope: guildId ? `server ${guildId}` : 'global (every server; may take a while to show)',
      names: registered.map((command) => command.name),
    });
  }
  return deployments;
}

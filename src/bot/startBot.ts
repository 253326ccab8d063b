import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Command } from '../../commands/command.js';
import { commands as allCommands } from '../../commands/index.js';
import { openStore } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { warmPictures } from '../pictures/pictures.js';
import type { DatasetStore } from '../runtime/datasetStore.js';
import { routeInteraction } from './router.js';

export interface RunningBot {
  readonly client: Client<true>;
  readonly store: DatasetStore;
  stop(): Promise<void>;
}

/** Logs in with the Guilds intent only and answers slash commands and autocomplete until stopped. */
export async function startBot(
  config: Config,
  token: string,
  logger: Logger,
  commands: ReadonlyMap<string, Command> = allCommands,
): Promise<RunningBot> {
  const store = await openStore(config, 'bot start-up');
  await warmPictures(store.current().dataset).catch((error: unknown) =>
    logger.warn({ err: error }, 'pictures could not be prepared'),
  );
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL } });
  const deps = { commands, store, config, logger };
  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, deps);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  const readyClient = await ready;
  const { dataset } = store.current();
  logger.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      dataset: dataset.version,
      incidents: dataset.incidents.length,
    },
    'bot ready',
  );
  return {
    client: readyClient,
    store,
    stop: async () => {
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}

import { randomUUID } from 'node:crypto';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
} from 'discord.js';
import type { Command, CommandContext, CommandInput } from '../../commands/command.js';
import { commandContext } from '../app.js';
import { type Config, operatorGuildIds } from '../config.js';
import type { Logger } from '../logger.js';
import { toLocale } from '../render/locale.js';
import { EPHEMERAL_FLAG, type MessagePayload } from '../render/payload.js';
import { renderCrash } from '../render/renderAdmin.js';
import type { DatasetStore } from '../runtime/datasetStore.js';
import { requesterOf } from './requester.js';

export interface RouterDeps {
  readonly commands: ReadonlyMap<string, Command>;
  readonly store: DatasetStore;
  readonly config: Config;
  readonly logger: Logger;
}

/** Discord wants an answer within 3 s: past this, the reply is deferred and sent when ready. */
const DEFER_AFTER_MS = 1_000;

/** Wires one interaction to its command: the whole Discord transport. Never throws, never leaves one unanswered. */
export async function routeInteraction(interaction: Interaction, deps: RouterDeps): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
  const command = deps.commands.get(interaction.commandName);
  const log = deps.logger.child({
    interactionId: interaction.id,
    command: interaction.commandName,
    userId: interaction.user.id,
    guildId: interaction.guildId,
  });
  const context = commandContext(
    deps.store,
    deps.config,
    log,
    requesterOf(interaction, deps.config.MODERATOR_ROLE_IDS, operatorGuildIds(deps.config)),
    toLocale(interaction.locale),
  );
  if (interaction.isAutocomplete()) return complete(interaction, command, context);
  if (!command) {
    log.warn('interaction for an unknown command (are the registered commands out of date? run npm run deploy)');
    return;
  }
  await run(interaction, command, context);
}

async function complete(interaction: AutocompleteInteraction, command: Command | undefined, context: CommandContext) {
  let choices: { name: string; value: string }[] = [];
  try {
    const focused = interaction.options.getFocused(true);
    choices = [...(command?.complete?.(context, focused.name, String(focused.value)) ?? [])].slice(0, 25);
  } catch (error) {
    context.logger.error({ err: error }, 'autocomplete failed');
  }
  await interaction
    .respond(choices)
    .catch((error: unknown) => context.logger.warn({ err: error }, 'autocomplete reply failed'));
}

async function run(interaction: ChatInputCommandInteraction, command: Command, context: CommandContext) {
  const log = context.logger;
  const started = performance.now();
  let deferred: Promise<unknown> | undefined;
  const defer = () => {
    deferred ??= interaction.deferReply(command.slow ? { flags: EPHEMERAL_FLAG } : {});
    return deferred;
  };
  const timer = command.slow ? undefined : setTimeout(defer, DEFER_AFTER_MS);
  try {
    if (command.slow) await defer();
    const reply = await command.run(context, inputOf(interaction));
    clearTimeout(timer);
    await send(interaction, reply.payload, deferred);
    log.info({ kind: reply.kind, ms: Math.round(performance.now() - started) }, 'answered');
  } catch (error) {
    clearTimeout(timer);
    const reference = randomUUID().slice(0, 8);
    log.error({ err: error, reference }, 'command failed');
    await send(interaction, renderCrash(reference, context.locale), deferred).catch((sendError: unknown) =>
      log.error({ err: sendError, reference }, 'could not even report the failure'),
    );
  }
}

async function send(
  interaction: ChatInputCommandInteraction,
  payload: MessagePayload,
  deferred: Promise<unknown> | undefined,
) {
  if (deferred) {
    await deferred;
    const { flags: _ephemeralIsFixedByTheDeferral, ...edit } = payload;
    await interaction.editReply(edit as InteractionEditReplyOptions);
  } else {
    await interaction.reply(payload as InteractionReplyOptions);
  }
}

function inputOf(interaction: ChatInputCommandInteraction): CommandInput {
  const subcommand = interaction.options.getSubcommand(false) ?? undefined;
  const options: Record<string, string> = {};
  const attachment = interaction.options.getAttachment('file');
  const values = subcommand ? (interaction.options.data[0]?.options ?? []) : interaction.options.data;
  for (const option of values) {
    if (typeof option.value === 'string' || typeof option.value === 'number')
      options[option.name] = String(option.value);
  }
  return {
    ...(subcommand ? { subcommand } : {}),
    options,
    ...(attachment ? { attachment: { name: attachment.name, url: attachment.url, size: attachment.size } } : {}),
  };
}

import { randomUUID } from 'node:crypto';
import type {
  AttachmentPayload,
  AutocompleteInteraction,
  BaseInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  MessageComponentInteraction,
} from 'discord.js';
import type { Command, CommandContext, CommandInput, ComponentReply } from '../../commands/command.js';
import { commandContext } from '../app.js';
import { type Config, operatorGuildIds } from '../config.js';
import type { Logger } from '../logger.js';
import { parseComponentId } from '../render/componentIds.js';
import { toLocale } from '../render/locale.js';
import { EPHEMERAL_FLAG, type MessagePayload } from '../render/payload.js';
import { renderCrash } from '../render/renderAdmin.js';
import { renderStale } from '../render/renderQuotes.js';
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
  if (interaction.isMessageComponent()) return click(interaction, deps);
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
  const command = deps.commands.get(interaction.commandName);
  const context = contextOf(interaction, interaction.commandName, deps);
  if (interaction.isAutocomplete()) return complete(interaction, command, context);
  if (!command) {
    context.logger.warn(
      'interaction for an unknown command (are the registered commands out of date? run npm run deploy)',
    );
    return;
  }
  await run(interaction, command, context);
}

function contextOf(interaction: BaseInteraction, commandName: string, deps: RouterDeps): CommandContext {
  const log = deps.logger.child({
    interactionId: interaction.id,
    command: commandName,
    userId: interaction.user.id,
    guildId: interaction.guildId,
  });
  return commandContext(
    deps.store,
    deps.config,
    log,
    requesterOf(interaction, deps.config.MODERATOR_ROLE_IDS, operatorGuildIds(deps.config)),
    toLocale(interaction.locale),
  );
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

/**
 * A button or a menu: the state is all in the custom id. The asker's own click changes the message in place; anyone
 * else's gets private messages of their own. A button from an older version of the bot gets "no longer available".
 */
async function click(interaction: MessageComponentInteraction, deps: RouterDeps) {
  const { command: commandName, action, args } = parseComponentId(interaction.customId);
  const context = contextOf(interaction, commandName, deps);
  const log = context.logger.child({ action });
  const values = interaction.isStringSelectMenu() ? interaction.values : [];
  const started = performance.now();
  let deferred: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferred ??= interaction.deferUpdate();
  }, DEFER_AFTER_MS);
  let reply: ComponentReply;
  try {
    const handler = deps.commands.get(commandName)?.component;
    reply = handler
      ? await handler(context, action, args, values)
      : { update: false, payloads: [renderStale(context.locale)] };
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    log.error({ err: error, reference }, 'component failed');
    reply = { update: false, payloads: [renderCrash(reference, context.locale)] };
  }
  clearTimeout(timer);
  try {
    await answerClick(interaction, reply, deferred);
    log.info({ update: reply.update, ms: Math.round(performance.now() - started) }, 'clicked');
  } catch (error) {
    log.error({ err: error }, 'could not answer a click');
  }
}

async function answerClick(
  interaction: MessageComponentInteraction,
  reply: ComponentReply,
  deferred: Promise<unknown> | undefined,
) {
  const [first, ...rest] = reply.payloads;
  if (!first) return;
  if (reply.update) {
    if (deferred) {
      await deferred;
      await interaction.editReply(forDiscord(first) as InteractionEditReplyOptions);
    } else {
      await interaction.update(forDiscord(first) as InteractionUpdateOptions);
    }
  } else if (deferred) {
    // A deferred update cannot turn into a private reply: every payload goes as a follow-up.
    await deferred;
    await interaction.followUp(privately(first));
  } else {
    await interaction.reply(privately(first));
  }
  for (const payload of rest) await interaction.followUp(privately(payload));
}

function privately(payload: MessagePayload): InteractionReplyOptions {
  return { ...forDiscord(payload), flags: EPHEMERAL_FLAG } as InteractionReplyOptions;
}

/** discord.js takes files as `{ attachment, name, description }`; a payload without files is sent as it is. */
function forDiscord(payload: MessagePayload): Omit<MessagePayload, 'files'> & { files?: AttachmentPayload[] } {
  const { files, ...rest } = payload;
  if (!files) return rest;
  return {
    ...rest,
    files: files.map((file) => ({
      attachment: Buffer.from(file.data),
      name: file.name,
      ...(file.description ? { description: file.description } : {}),
    })),
  };
}

async function send(
  interaction: ChatInputCommandInteraction,
  payload: MessagePayload,
  deferred: Promise<unknown> | undefined,
) {
  if (deferred) {
    await deferred;
    const { flags: _ephemeralIsFixedByTheDeferral, ...edit } = forDiscord(payload);
    await interaction.editReply(edit as InteractionEditReplyOptions);
  } else {
    await interaction.reply(forDiscord(payload) as InteractionReplyOptions);
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

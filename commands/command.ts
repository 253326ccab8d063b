import type { SharedSlashCommand } from 'discord.js';
import type { Answer, AnswerKind } from '../src/answers/answer.js';
import type { Logger } from '../src/logger.js';
import type { Locale } from '../src/render/locale.js';
import type { MessagePayload } from '../src/render/payload.js';
import type { DatasetStore } from '../src/runtime/datasetStore.js';

/**
 * Whether someone may change what every server sees, and if not, why: decided by the transport, which knows the
 * member and the server.
 */
export type DatasetAccess =
  /** Manage Server or a moderator role, in an admin server; or the person at the console. */
  | 'operator'
  /** Neither ADMIN_GUILD_IDS nor DISCORD_GUILD_ID is set: nobody manages the dataset from Discord. */
  | 'no_admin_servers'
  /** Asked from a server that is not an admin server (or from a direct message). */
  | 'not_admin_server'
  /** In an admin server, without Manage Server or a moderator role. */
  | 'not_moderator';

/** Who asked, as far as commands need to know. */
export interface Requester {
  readonly id: string;
  readonly name: string;
  /** The server asked from, or null (a direct message, the console). */
  readonly guildId: string | null;
  readonly datasetAccess: DatasetAccess;
}

/** The person at the console or running `ask`: they run the bot, so they are its operator. */
export function consoleOperator(name: string): Requester {
  return { id: 'console', name, guildId: null, datasetAccess: 'operator' };
}

/** Where `/dataset refresh` may load from. */
export interface RefreshSettings {
  readonly dataDir: string;
  readonly datasetUrl: string | undefined;
  readonly maxBytes: number;
  readonly fetchTimeoutMs: number;
}

export interface CommandContext {
  readonly store: DatasetStore;
  readonly locale: Locale;
  readonly requester: Requester;
  readonly refresh: RefreshSettings;
  readonly logger: Logger;
}

export interface AttachmentInput {
  readonly name: string;
  readonly url: string;
  readonly size: number;
}

/** Plain option values: what the router reads off an interaction and the console off a typed line. */
export interface CommandInput {
  readonly subcommand?: string;
  readonly options: Readonly<Record<string, string | undefined>>;
  readonly attachment?: AttachmentInput;
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** What a command replies, and what kind of answer it was (for `ask --json` and the logs). */
export interface Reply {
  readonly payload: MessagePayload;
  readonly kind: AnswerKind | 'info' | 'refused';
  /** Ids of the incidents answered, best first. */
  readonly incidents: readonly string[];
  /** What the payload renders, when the command answered a question: `ask --json` prints it. */
  readonly answer?: Answer;
}

/**
 * What a click on a button or a menu answers. `update`: the message that carries the component changes (the asker
 * turned a page); otherwise the payloads go to the clicker alone, the first as the reply, the rest as follow-ups.
 */
export interface ComponentReply {
  readonly update: boolean;
  readonly payloads: readonly MessagePayload[];
}

export interface Command {
  readonly definition: SharedSlashCommand;
  /** The option a console line's text fills ("/attack Boulkessi" → place). */
  readonly mainOption?: string;
  /** Changes or shows what every server sees: registered on the admin servers only, and checked again when run. */
  readonly operatorsOnly?: true;
  /** May take longer than Discord's 3 s: the bot defers the reply first. */
  readonly slow?: boolean;
  run(context: CommandContext, input: CommandInput): Promise<Reply>;
  /** A click on one of this command's buttons or menus: `<command>:<action>:<args>` custom ids. */
  component?(
    context: CommandContext,
    action: string,
    args: readonly string[],
    values: readonly string[],
  ): Promise<ComponentReply>;
  /** Autocomplete: at most 25 choices, fast, never throws. */
  complete?(context: CommandContext, option: string, typed: string): readonly Choice[];
}

export function replyOf(answer: Answer, payload: MessagePayload): Reply {
  return { payload, kind: answer.kind === 'region' ? 'toll' : answer.kind, incidents: incidentIdsOf(answer), answer };
}

function incidentIdsOf(answer: Answer): string[] {
  switch (answer.kind) {
    case 'incident':
      return [answer.report.incident.id];
    case 'choose':
      return answer.options.map((option) => option.incident.id);
    case 'toll':
      return answer.toll.incidents.first.map((incident) => incident.id);
    case 'region':
      return answer.toll.countries.flatMap((country) => country.incidents.first.map((incident) => incident.id));
    default:
      return [];
  }
}

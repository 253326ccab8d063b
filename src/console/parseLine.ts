import type { APIApplicationCommandOption } from 'discord.js';
import type { Command, CommandInput } from '../../commands/command.js';
import { LOCALES, type Locale } from '../render/locale.js';

export type ParsedLine =
  | { kind: 'command'; command: Command; input: CommandInput }
  | { kind: 'locale'; locale: Locale | undefined }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'unknown'; name: string }
  | { kind: 'empty' };

/**
 * "/attack Boulkessi" → the attack command with place "Boulkessi"; the slash is optional. Options go as Discord shows
 * them, `name:value`, in any of the command's languages: "/attacks country:Burkina Faso since:2025-05".
 */
export function parseLine(line: string, commands: ReadonlyMap<string, Command>): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const [first = '', ...rest] = trimmed.replace(/^\//, '').split(/\s+/);
  const name = first.toLowerCase();
  if (name === 'help' || name === '?') return { kind: 'help' };
  if (name === 'quit' || name === 'exit') return { kind: 'quit' };
  if (name === 'locale') {
    const wanted = rest[0]?.toLowerCase();
    return { kind: 'locale', locale: LOCALES.find((locale) => locale === wanted) };
  }
  const command = commands.get(name);
  if (!command) return { kind: 'unknown', name: first };

  const subcommands = subcommandsOf(command);
  let words = rest;
  let subcommand: string | undefined;
  if (subcommands.length > 0) {
    subcommand = subcommands.includes(rest[0] ?? '') ? rest[0] : subcommands[0];
    if (subcommand === rest[0]) words = rest.slice(1);
  }
  const options = optionsOf(words, optionNamesOf(command, subcommand), command.mainOption);
  return { kind: 'command', command, input: { ...(subcommand ? { subcommand } : {}), options } };
}

/** Words after a `name:` belong to that option until the next one; words before any go to the main option. */
function optionsOf(
  words: readonly string[],
  names: ReadonlyMap<string, string>,
  mainOption: string | undefined,
): Record<string, string> {
  const collected = new Map<string, string[]>();
  let current = mainOption;
  for (const word of words) {
    const named = /^([^:\s]+):(.*)$/u.exec(word);
    const option = named ? names.get(named[1]?.toLowerCase() ?? '') : undefined;
    if (option) current = option;
    const value = option ? (named?.[2] ?? '') : word;
    if (current === undefined) continue;
    const list = collected.get(current) ?? [];
    if (value !== '') list.push(value);
    collected.set(current, list);
  }
  return Object.fromEntries([...collected].map(([option, list]) => [option, list.join(' ')]));
}

/** Every name of every option, in every language, to the option's own name. */
function optionNamesOf(command: Command, subcommand: string | undefined): Map<string, string> {
  const json = command.definition.toJSON();
  const options: APIApplicationCommandOption[] = subcommand
    ? ((
        (json.options ?? []).find((option) => option.type === 1 && option.name === subcommand) as
          | { options?: APIApplicationCommandOption[] }
          | undefined
      )?.options ?? [])
    : (json.options ?? []);
  const names = new Map<string, string>();
  for (const option of options) {
    names.set(option.name, option.name);
    for (const localised of Object.values(option.name_localizations ?? {}))
      if (localised) names.set(localised, option.name);
  }
  return names;
}

function subcommandsOf(command: Command): string[] {
  return command.definition.toJSON().options?.flatMap((option) => (option.type === 1 ? [option.name] : [])) ?? [];
}

/** One line per command, for `/help`. */
export function helpText(commands: ReadonlyMap<string, Command>): string {
  const lines = [...commands.values()].map((command) => {
    const json = command.definition.toJSON();
    const named = (json.options ?? []).filter((option) => option.name !== command.mainOption && option.type !== 1);
    const usage = [
      ...(command.mainOption ? [`<${command.mainOption}>`] : []),
      ...named.map((option) => `[${option.name}:…]`),
    ]
      .map((part) => ` ${part}`)
      .join('');
    const subs = subcommandsOf(command);
    return `  /${json.name}${subs.length > 0 ? ` ${subs.join('|')}` : usage}  ${json.description}`;
  });
  return [
    'Commands:',
    ...lines,
    `  /locale ${LOCALES.join('|')}  the language of the answers`,
    '  /help  this list',
    '  /quit  leave (or Ctrl-D)',
  ].join('\n');
}

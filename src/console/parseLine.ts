import type { Command, CommandInput } from '../../commands/command.js';

export type ParsedLine =
  | { kind: 'command'; command: Command; input: CommandInput }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'unknown'; name: string }
  | { kind: 'empty' };

/** "/attack Boulkessi" → the attack command with place "Boulkessi"; the slash is optional. */
export function parseLine(line: string, commands: ReadonlyMap<string, Command>): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const [first = '', ...rest] = trimmed.replace(/^\//, '').split(/\s+/);
  const name = first.toLowerCase();
  if (name === 'help' || name === '?') return { kind: 'help' };
  if (name === 'quit' || name === 'exit') return { kind: 'quit' };
  const command = commands.get(name);
  if (!command) return { kind: 'unknown', name: first };

  const subcommands = subcommandsOf(command);
  let words = rest;
  let subcommand: string | undefined;
  if (subcommands.length > 0) {
    subcommand = subcommands.includes(rest[0] ?? '') ? rest[0] : subcommands[0];
    if (subcommand === rest[0]) words = rest.slice(1);
  }
  const text = words.join(' ');
  const options = command.mainOption ? { [command.mainOption]: text } : {};
  return { kind: 'command', command, input: { ...(subcommand ? { subcommand } : {}), options } };
}

function subcommandsOf(command: Command): string[] {
  return command.definition.toJSON().options?.flatMap((option) => (option.type === 1 ? [option.name] : [])) ?? [];
}

/** One line per command, for `/help`. */
export function helpText(commands: ReadonlyMap<string, Command>): string {
  const lines = [...commands.values()].map((command) => {
    const json = command.definition.toJSON();
    const usage = command.mainOption ? ` <${command.mainOption}>` : '';
    const subs = subcommandsOf(command);
    return `  /${json.name}${subs.length > 0 ? ` ${subs.join('|')}` : usage}  ${json.description}`;
  });
  return ['Commands:', ...lines, '  /help  this list', '  /quit  leave (or Ctrl-D)'].join('\n');
}

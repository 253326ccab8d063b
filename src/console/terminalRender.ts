import type { APIEmbed } from 'discord.js';
import type { Config } from '../config.js';
import type { MessagePayload } from '../render/payload.js';

const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const ITALIC = '\u001b[3m';

/** Colour when stdout is a terminal, unless NO_COLOR is set (https://no-color.org). */
export function terminalHasColour(config: Pick<Config, 'NO_COLOR'>): boolean {
  return Boolean(process.stdout.isTTY) && !config.NO_COLOR;
}

/** Shows a message payload in a terminal the way Discord would, colour only where the terminal has it. */
export function renderForTerminal(message: MessagePayload, colour: boolean): string {
  return message.embeds.map((embed) => renderEmbed(embed, colour)).join('\n\n');
}

function renderEmbed(embed: APIEmbed, colour: boolean): string {
  const style = (code: string, text: string) => (colour ? `${code}${text}${RESET}` : text);
  const bar = colour && embed.color !== undefined ? `${rgb(embed.color)}▌${RESET} ` : '│ ';
  const lines: string[] = [];
  if (embed.title) lines.push(style(BOLD, plain(embed.title)));
  if (embed.description) lines.push(...markdown(embed.description, style));
  for (const field of embed.fields ?? []) {
    lines.push('', style(BOLD, plain(field.name)), ...markdown(field.value, style).map((line) => `  ${line}`));
  }
  if (embed.footer) lines.push('', style(DIM, plain(embed.footer.text)));
  return lines.map((line) => `${bar}${line}`).join('\n');
}

/** Discord markdown, made readable: bold and italics as terminal styles, quotes with a rule, escapes removed. */
function markdown(text: string, style: (code: string, text: string) => string): string[] {
  return text.split('\n').map((line) => {
    const quoted = line.startsWith('> ');
    const body = (quoted ? line.slice(2) : line)
      .replace(/<t:(\d+):\w>/g, (_, seconds: string) => new Date(Number(seconds) * 1000).toISOString())
      .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style(BOLD, inner))
      .replace(/(^|[^\\])\*(.+?[^\\])\*/g, (_, before: string, inner: string) => before + style(ITALIC, inner));
    return quoted ? `${style(DIM, '┃')} ${plain(body)}` : plain(body);
  });
}

function plain(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]+.])/g, '$1').replace(/\u200b/g, '');
}

function rgb(colour: number): string {
  return `\u001b[38;2;${(colour >> 16) & 255};${(colour >> 8) & 255};${colour & 255}m`;
}

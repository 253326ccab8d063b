import { stripVTControlCharacters } from 'node:util';
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

/** The terminal's width, when stdout is one: answers piped elsewhere are not wrapped. */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

/**
 * Shows a message payload in a terminal the way Discord would, colour only where the terminal has it, wrapped to
 * `width` columns with the embed's bar, a field's indent and a quote's gutter repeated on every wrapped line.
 */
export function renderForTerminal(message: MessagePayload, colour: boolean, width?: number): string {
  const embeds = message.embeds.map((embed) => renderEmbed(embed, colour, width)).join('\n\n');
  const buttons = (message.components ?? []).flatMap((row) =>
    row.components.flatMap((component) => ('label' in component && component.label ? [component.label] : [])),
  );
  return buttons.length > 0 ? `${embeds}\n${buttons.map((label) => `[${label}]`).join(' ')}` : embeds;
}

/** A line as its margin (repeated when it wraps) and its text. */
interface Line {
  readonly margin: string;
  readonly text: string;
}

function renderEmbed(embed: APIEmbed, colour: boolean, width: number | undefined): string {
  const style = (code: string, text: string) => (colour ? `${code}${text}${RESET}` : text);
  const bar = colour && embed.color !== undefined ? `${rgb(embed.color)}▌${RESET} ` : '│ ';
  const lines: Line[] = [];
  const line = (text: string, margin = '') => ({ margin, text });
  if (embed.title) lines.push(line(style(BOLD, plain(embed.title))));
  if (embed.description) lines.push(...markdown(embed.description, style));
  for (const field of embed.fields ?? []) {
    lines.push(
      line(''),
      line(style(BOLD, plain(field.name))),
      ...markdown(field.value, style).map((l) => line(l.text, `  ${l.margin}`)),
    );
  }
  if (embed.footer) lines.push(line(''), line(style(DIM, plain(embed.footer.text))));
  return lines
    .flatMap((l) => wrap(l.text, width, visibleLength(bar + l.margin)).map((part) => `${bar}${l.margin}${part}`))
    .join('\n');
}

/** Discord markdown, made readable: bold and italics as terminal styles, quotes with a rule, escapes removed. */
function markdown(text: string, style: (code: string, text: string) => string): Line[] {
  return text.split('\n').map((line) => {
    const quoted = line.startsWith('> ');
    const body = (quoted ? line.slice(2) : line)
      .replace(/<t:(\d+):\w>/g, (_, seconds: string) => new Date(Number(seconds) * 1000).toISOString())
      .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style(BOLD, inner))
      .replace(/(^|[^\\])\*(.+?[^\\])\*/g, (_, before: string, inner: string) => before + style(ITALIC, inner));
    return { margin: quoted ? `${style(DIM, '┃')} ` : '', text: plain(body) };
  });
}

function visibleLength(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/** Breaks at spaces so that no line is wider than `width`; a word longer than a line stands alone. */
function wrap(text: string, width: number | undefined, margin: number): string[] {
  const room = width === undefined ? Number.POSITIVE_INFINITY : Math.max(20, width - margin);
  if (visibleLength(text) <= room) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (visibleLength(candidate) > room && current !== '') {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

function plain(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]+.])/g, '$1').replace(/\u200b/g, '');
}

function rgb(colour: number): string {
  return `\u001b[38;2;${(colour >> 16) & 255};${(colour >> 8) & 255};${colour & 255}m`;
}

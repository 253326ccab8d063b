import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { normaliseWhitespace } from '../../src/dataset/sourceText.js';
import type { MessagePayload } from '../../src/render/payload.js';
import { FIXTURE_DIR, SOURCE_ID } from './datasets.js';

/** The fixture's article body as quotes are checked against it. */
export function articleBody(): string {
  const text = readFileSync(path.join(FIXTURE_DIR, 'sources', `${SOURCE_ID}.txt`), 'utf8');
  return normaliseWhitespace(text.replace(/^ date 2025-06 /, ''));
}

/** Every blockquote line in a payload, with Discord's escapes undone; a shortened quote keeps its verbatim start. */
export function quotesIn(payload: MessagePayload): { text: string; shortened: boolean }[] {
  const texts = payload.embeds.flatMap((embed: APIEmbed) => [
    embed.description ?? '',
    ...(embed.fields ?? []).map((f) => f.value),
  ]);
  return texts
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.startsWith('> '))
    .map((line) => {
      const raw = line
        .slice(2)
        .replace(/\\(.)/g, '$1')
        .replace(/\u200b/g, '');
      const marker = raw.match(/…? \[(shortened|ingekort)\].*$/);
      return marker ? { text: raw.slice(0, marker.index).trim(), shortened: true } : { text: raw, shortened: false };
    });
}

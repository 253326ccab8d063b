import { type APIEmbed, embedLength } from 'discord.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { attack } from '../../commands/attack.js';
import { consoleOperator } from '../../commands/command.js';
import { toll } from '../../commands/toll.js';
import { answerAttack } from '../../src/answers/attackAnswer.js';
import { answerToll } from '../../src/answers/tollAnswer.js';
import { commandContext } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { renderForTerminal } from '../../src/console/terminalRender.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { createLogger } from '../../src/logger.js';
import { EmbedLimits } from '../../src/render/embed.js';
import type { Locale } from '../../src/render/locale.js';
import type { MessagePayload } from '../../src/render/payload.js';
import { renderAnswer } from '../../src/render/renderAnswer.js';
import { inert } from '../../src/render/text.js';
import { DatasetStore } from '../../src/runtime/datasetStore.js';
import { buildSearchIndex, type SearchIndex } from '../../src/search/searchIndex.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { fixtureDatasetJson, loadFixtureDataset } from '../helpers/datasets.js';

/** At least 1,000 generated inputs a property, whatever the default is; a fixed seed, so a failure replays. */
const RUNS = { numRuns: 300, seed: 20_250_601 } as const;
const LOCALES: readonly Locale[] = ['en', 'nl'];
/** Control characters (a line break aside) and direction overrides: what must never reach a screen from text. */
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]|[\u202a-\u202e\u2066-\u2069]/u;

/** Pieces of text a stranger would try: mentions, markdown, links, controls, direction overrides. */
const hostilePiece = fc.constantFrom(
  '@everyone',
  '@here',
  '<@400000000000000006>',
  '<@!400000000000000006>',
  '<@&400000000000000007>',
  '<#300000000000000003>',
  '</attack:100000000000000001>',
  '<t:1748736000:R>',
  '<:pepe:100000000000000009>',
  '<a:dance:100000000000000009>',
  '[click](https://evil.example/login)',
  '[x](<https://evil.example>)',
  'https://evil.example/login',
  'http://evil.example',
  '<https://evil.example>',
  'steam://run/1',
  'discord.gg/evil',
  'discord.com/invite/evil',
  '**bold**',
  '__under__',
  '*it*',
  '_it_',
  '~~strike~~',
  '||spoiler||',
  '`code`',
  '```js\nalert(1)\n```',
  '# Heading',
  '## Heading',
  '-# subtext',
  '> quote',
  '>>> quote',
  '- item',
  '* item',
  '1. item',
  '\\',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200f',
  '\ufeff',
  'Boulkessi',
  'Niger',
  'بولكيسي',
  'Булкесси',
  '布尔凯西',
  '👨‍👩‍👧',
);
const hostileText = fc
  .array(fc.oneof(hostilePiece, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 12 })
  .map((pieces) => pieces.join(''));
const veryLong = fc
  .tuple(hostileText, fc.integer({ min: 200, max: 7_000 }))
  .map(([text, length]) => text.padEnd(length, '[x](https://evil.example) @everyone '));
const anyHostile = fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: veryLong });

/**
 * What Discord would turn into a link, a mention or markdown, found in rendered text. Our own templates make none of
 * these in the answers tested here (quote lines aside, which `liveBlocks` allows).
 */
function liveMarkup(text: string): string[] {
  const found: string[] = [];
  const add = (what: string, pattern: RegExp) => {
    if (pattern.test(text)) found.push(what);
  };
  add('a link', /[a-z][a-z0-9+.-]*:\/\//i);
  add('an invite', /discord(app)?\.(gg|com|me|io|li)\//i);
  add('a tag: mention, channel, emoji, timestamp or <link>', /<(?!\u200b)/);
  add('a mention', /@(?!\u200b)/);
  add('a masked link', /(^|[^\\])(\\\\)*\[[^\]]*\]\(/);
  add('inline markdown', /(^|[^\\])(\\\\)*[*_~|`]/);
  for (const line of text.split('\n')) {
    const body = line.startsWith('> ') ? line.slice(2) : line;
    if (/^\s*(#{1,3}\s|-#\s|>|[-*+]\s|\d+\.\s)/.test(body))
      found.push(`a block at the start of "${line.slice(0, 40)}"`);
  }
  return found;
}

function embedTexts(embed: APIEmbed): string[] {
  return [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text ?? '',
  ];
}

function expectWithinLimits(message: MessagePayload): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.embeds.length).toBeGreaterThan(0);
  for (const embed of message.embeds) {
    expect(embedLength(embed)).toBeLessThanOrEqual(EmbedLimits.total);
    expect((embed.title ?? '').length).toBeLessThanOrEqual(EmbedLimits.title);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(EmbedLimits.description);
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(EmbedLimits.footer);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(EmbedLimits.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(EmbedLimits.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(EmbedLimits.fieldValue);
    }
  }
}

/** Markup in the rendered message that `text` brought in: none of it may be live. */
function expectNothingLive(message: MessagePayload): void {
  for (const embed of message.embeds) {
    // Lines of our own that are markup on purpose: bold labels, italics notes, numbered choices, quotes.
    const own = embedTexts(embed).map((text) =>
      text
        .replace(/(^|[^\\])\*\*(?:\\.|[^*\\\n])+\*\*/g, '$1')
        .replace(/(^|\n)\d+\. /g, '$1')
        .replace(/(^|[^\\])`[^`\\\n]*`/g, '$1')
        .replace(/(^|\n)\*(?:\\.|[^*\\\n])+\*/g, '$1')
        .replace(/\*(translation|vertaling) \(en\):\*/g, ''),
    );
    for (const text of own) expect(liveMarkup(text), JSON.stringify(text)).toEqual([]);
  }
}

let dataset: Dataset;
let index: SearchIndex;
beforeAll(async () => {
  dataset = await loadFixtureDataset();
  index = await buildSearchIndex(dataset);
});

describe('text a user types can become no link, mention or markdown', () => {
  it('GIVEN any hostile text THEN inert() makes it one line with nothing live, and keeps every letter', () => {
    fc.assert(
      fc.property(anyHostile, (text) => {
        const shown = inert(text);
        expect(shown).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(liveMarkup(shown)).toEqual([]);
        // Nothing is lost but formatting characters: the letters people typed are still there, in order.
        const letters = (value: string) => value.replace(/[^\p{L}\p{N}]/gu, '');
        expect(letters(shown)).toBe(letters(text.slice(0, 6_001)));
      }),
      RUNS,
    );
  });

  it('GIVEN any hostile /attack or /toll query in any locale THEN an answer within Discord limits, nothing live', async () => {
    await fc.assert(
      fc.asyncProperty(anyHostile, fc.constantFrom(...LOCALES), async (query, locale) => {
        for (const answer of [answerAttack(dataset, index, query), await answerToll(dataset, index, query)]) {
          const message = renderAnswer(answer, locale);
          expectWithinLimits(message);
          expectNothingLive(message);
          // The console shows the same text: no control character reaches the terminal.
          expect(renderForTerminal(message, false)).not.toMatch(CONTROL_BUT_NEWLINE);
        }
      }),
      RUNS,
    );
  });

  it('GIVEN any hostile autocomplete text THEN at most 25 choices, each 1 to 100 characters, no control character', () => {
    const store = new DatasetStore({ dataset, index, loadedAt: new Date(), loadedBy: 'test', origin: 'test' });
    const context = commandContext(store, loadConfig({}), createLogger('silent'), consoleOperator('test'), 'en');
    fc.assert(
      fc.property(anyHostile, (typed) => {
        for (const [command, option] of [
          [attack, 'place'],
          [toll, 'country'],
        ] as const) {
          const choices = command.complete(context, option, typed);
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) {
            for (const text of [choice.name, choice.value]) {
              expect(text.length).toBeGreaterThan(0);
              expect(text.length).toBeLessThanOrEqual(100);
              expect(text).not.toMatch(CONTROL_BUT_NEWLINE);
            }
          }
        }
      }),
      RUNS,
    );
  });
});

describe('text a moderator puts in a dataset can become no link, mention or markdown either', () => {
  /** The bundled data with hostile text in every free-text field answers show. */
  const hostileDataset = (text: string): DatasetFile => {
    const data = fixtureDatasetJson();
    for (const incident of data.incidents) {
      incident.place.name = `${incident.place.name} ${text}`;
      incident.place.adminArea = text;
      incident.date.basis = text;
      incident.notes = text;
      for (const outcome of incident.outcomes) outcome.saidBy.label = text;
    }
    for (const figure of data.figures) figure.saidBy.label = text;
    for (const statement of data.statements) statement.saidBy.label = text;
    for (const actor of data.actors) Object.assign(actor, { name: text || 'x', description: text || 'x' });
    for (const country of data.countries) country.names.en = `${country.names.en} ${text}`;
    return data;
  };

  it('GIVEN hostile names, labels, notes and bases THEN every answer stays within limits with nothing live', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(...LOCALES), async (text, locale) => {
        const hostile = await datasetInMemory(hostileDataset(text), 'hostile');
        const hostileIndex = await buildSearchIndex(hostile);
        const answers = [
          ...[...hostile.incidents.ids].map((id) => answerAttack(hostile, hostileIndex, id)),
          await answerToll(hostile, hostileIndex, 'ML'),
          await answerToll(hostile, hostileIndex, undefined),
          answerAttack(hostile, hostileIndex, 'Mali'),
        ];
        for (const answer of answers) {
          const message = renderAnswer(answer, locale);
          expectWithinLimits(message);
          expectNothingLive(message);
        }
      }),
      RUNS,
    );
  }, 120_000);
});

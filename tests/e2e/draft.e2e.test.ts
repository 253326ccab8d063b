import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot/startBot.js';
import { DraftSchema } from '../../src/draft/draftSchema.js';
import { DiscordStandIn, type InteractionResponse } from './discordStandIn.js';
import { startStandInBot } from './standInBot.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.stand-in.draft-token-value';
const MODERATOR = { id: '400000000000000005', permissions: '32' };
const MEMBER = { id: '400000000000000006', permissions: '0' };
const ARTICLE = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/draft/en-2025-06-boulkessi-inekar.txt'),
  'utf8',
);

const standIn = new DiscordStandIn();
let bot: RunningBot;
let dataDir: string;

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
const embedOf = (response: InteractionResponse): Embed => {
  const data = (response.edit ?? response.callback.data) as { embeds?: Embed[] };
  const [embed] = data.embeds ?? [];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(response)}`);
  return embed;
};

/** `/dataset draft file:<article> date:…` as Discord sends it, the article hosted like an attachment. */
const draftCommand = (member: typeof MODERATOR, options: { name: string; value: string }[] = [], locale = 'en-GB') => {
  const { option, resolved } = standIn.attach('en-2025-06-boulkessi-inekar.txt', ARTICLE, 'text/plain; charset=utf-8');
  return standIn.interact({
    type: 2,
    name: 'dataset',
    options: [{ type: 1, name: 'draft', options: [option, ...options.map((o) => ({ type: 3, ...o }))] }],
    member,
    locale,
    resolved,
  });
};

beforeAll(async () => {
  ({ bot, dataDir } = await startStandInBot(standIn, TOKEN));
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

describe('/dataset draft through the stand-in with the real discord.js client', () => {
  it('GIVEN a moderator attaches an article THEN an ephemeral summary and the draft as a JSON file; nothing served or written', async () => {
    const before = readFileSync(path.join(dataDir, 'dataset.json'), 'utf8');
    const response = await draftCommand(MODERATOR, [{ name: 'date', value: '2025-06-03' }]);
    expect(response.callback.type).toBe(5);
    expect((response.callback.data?.flags as number) & 64).toBe(64);
    const embed = embedOf(response);
    expect(embed.title).toBe('Draft of en-2025-06-boulkessi-inekar.txt');
    expect(embed.fields?.[0]?.value).toContain('`ml-inekar-2025-06-02` Inekar, ML, 2025-06-02');
    expect(embed.fields?.[1]?.value).toContain('It would merge into the data folder and pass every check.');

    expect(response.uploads.map((upload) => upload.name)).toEqual(['draft-en-2025-06-boulkessi-inekar.json']);
    const draft = DraftSchema.parse(JSON.parse(response.uploads[0]?.bytes.toString('utf8') ?? ''));
    expect(draft.text).toBe(ARTICLE);
    expect(draft.figures.map((figure) => figure.value)).toEqual([
      { qualifier: 'at_least', number: 60 },
      { qualifier: 'range', low: 10, high: 15 },
    ]);
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toBe(before);
    const attack = await standIn.interact({
      type: 2,
      name: 'attack',
      options: [{ type: 3, name: 'place', value: 'Inekar' }],
    });
    expect(embedOf(attack).title).not.toContain('Inekar');
  });

  it('GIVEN a French moderator and a date that is not one THEN a clear French error, no file', async () => {
    const response = await draftCommand(MODERATOR, [{ name: 'date', value: 'yesterday' }], 'fr');
    const embed = embedOf(response);
    expect(embed.title).toBe('Pas de brouillon');
    expect(embed.description).toContain('Impossible de rédiger un brouillon de cet article');
    expect(response.uploads).toEqual([]);
  });

  it('GIVEN a member without Manage Server THEN refused like /dataset validate, no file', async () => {
    const response = await draftCommand(MEMBER);
    expect(embedOf(response).title).toBe('Not allowed');
    expect(response.uploads).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type RunningBot, startBot } from '../../src/bot/startBot.js';
import { loadConfig } from '../../src/config.js';
import { DraftSchema } from '../../src/draft/draftSchema.js';
import { createLogger } from '../../src/logger.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';
import { APPLICATION_ID, DiscordStandIn, GUILD_ID, type InteractionResponse } from './discordStandIn.js';

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
  const url = standIn.hostFile('article.txt', ARTICLE);
  const attachment = {
    id: '500000000000000002',
    filename: 'en-2025-06-boulkessi-inekar.txt',
    size: Buffer.byteLength(ARTICLE),
    url,
    proxy_url: url,
    content_type: 'text/plain; charset=utf-8',
  };
  return standIn.interact({
    type: 2,
    name: 'dataset',
    options: [
      {
        type: 1,
        name: 'draft',
        options: [{ type: 11, name: 'file', value: attachment.id }, ...options.map((o) => ({ type: 3, ...o }))],
      },
    ],
    member,
    locale,
    resolved: { attachments: { [attachment.id]: attachment } },
  });
};

beforeAll(async () => {
  await standIn.start();
  dataDir = writeDataDir(fixtureDatasetJson(), 'file');
  const config = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    DISCORD_GUILD_ID: GUILD_ID,
    DISCORD_API_URL: standIn.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  bot = await startBot(config, TOKEN, createLogger('silent', [TOKEN]), commands);
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

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot/startBot.js';
import { FIXTURE_DIR, fixtureDatasetJson } from '../helpers/datasets.js';
import { zipBytes } from '../helpers/zips.js';
import { DiscordStandIn, type InteractionResponse } from './discordStandIn.js';
import { startStandInBot } from './standInBot.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.stand-in.upload-token-value';
const MODERATOR = { id: '400000000000000005', permissions: '32' };
const ACLED_CSV = path.join(import.meta.dirname, '..', 'fixtures', 'acled', 'current.csv');

const standIn = new DiscordStandIn();
let bot: RunningBot;
let dataDir: string;

const textOf = (response: InteractionResponse): string => JSON.stringify(response.edit ?? response.callback.data);
const slash = (name: string, options: unknown[], extra: Partial<Parameters<DiscordStandIn['interact']>[0]> = {}) =>
  standIn.interact({ type: 2, name, options, ...extra });
const withFile = (subcommand: 'refresh' | 'validate', name: string, content: string | Buffer, locale = 'en-US') => {
  const { option, resolved } = standIn.attach(name, content);
  return slash('dataset', [{ type: 1, name: subcommand, options: [option] }], { member: MODERATOR, locale, resolved });
};

beforeAll(async () => {
  ({ bot, dataDir } = await startStandInBot(standIn, TOKEN));
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

describe('/dataset refresh with a CSV export, through the real client', () => {
  it('GIVEN a CSV that is no known export THEN validate says so in the asker’s language and nothing changes', async () => {
    const before = bot.store.current().dataset.version;
    const text = textOf(await withFile('validate', 'other.csv', 'a,b,c\n1,2,3\n'));
    expect(text).toContain('neither an ACLED export');
    expect(bot.store.current().dataset.version).toBe(before);
  });

  it('GIVEN an ACLED CSV attached to refresh THEN it is imported beside the articles, kept on disk, and /attack answers with ACLED’s record', async () => {
    const place = [{ type: 3, name: 'place', value: 'Boulkessi' }];
    expect(textOf(await slash('attack', place))).not.toContain('ACLED');
    const refreshed = textOf(await withFile('refresh', 'acled-sahel.csv', readFileSync(ACLED_CSV, 'utf8')));
    expect(refreshed).toContain('Dataset refreshed');
    // The article's attack is still there, ACLED's record of Boulkessi beside it.
    const choices = textOf(await slash('attack', place));
    expect(choices).toContain('ml-boulkessi-2025-06-01');
    expect(choices).toContain('acled-mli30001');
    const record = textOf(await slash('attack', [{ type: 3, name: 'place', value: 'acled-mli30001' }]));
    expect(record).toContain('30 killed: ACLED’s coded estimate');
    expect(existsSync(path.join(dataDir, 'incidents.jsonl'))).toBe(true);
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toContain('acled-records');
  });

  it('GIVEN a zip whose entry escapes its folder THEN validate refuses it, in French for a French asker', async () => {
    const zip = await zipBytes(
      [
        { name: 'dataset.json', content: '{}' },
        { name: 'xx/evil.txt', content: 'owned' },
      ],
      {
        from: 'xx/evil.txt',
        to: '../evil.txt',
      },
    );
    const text = textOf(await withFile('validate', 'data.zip', zip, 'fr'));
    expect(text).toContain('sortirait de son dossier');
  });

  it('GIVEN a zip of a data folder THEN refresh serves it and the data folder holds its files', async () => {
    const dataset = fixtureDatasetJson();
    const sources = dataset.sources.map((source) => ({
      name: `data/${source.file}`,
      content: readFileSync(path.join(FIXTURE_DIR, source.file)),
    }));
    const zip = await zipBytes([{ name: 'data/dataset.json', content: JSON.stringify(dataset) }, ...sources]);
    const text = textOf(await withFile('refresh', 'data.zip', zip));
    expect(text).toContain('Dataset refreshed');
    // The zip's folder replaced the folder with the ACLED import: its records are gone, on disk too.
    expect(text).toContain('removed: `acled-mli30001`');
    expect(existsSync(path.join(dataDir, 'incidents.jsonl'))).toBe(false);
    expect(bot.store.current().origin).toBe('data.zip');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/bot/deployCommands.js';
import { type RunningBot, startBot } from '../../src/bot/startBot.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { byId, fixtureDatasetJson, indexOfId, writeDataDir } from '../helpers/datasets.js';
import { APPLICATION_ID, DiscordStandIn, GUILD_ID, type InteractionResponse } from './discordStandIn.js';
import { standInConfig } from './standInBot.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.stand-in.secret-token-value';
const MODERATOR = { id: '400000000000000005', permissions: '32' };
const MEMBER = { id: '400000000000000006', permissions: '0' };
const OPERATORS_GUILD_ID = '200000000000000009';
const STRANGERS_GUILD_ID = '200000000000000066';

// A command that always fails, to see how the bot reports a crash: the real router, the real client.
const boom: Command = {
  definition: new SlashCommandBuilder().setName('boom').setDescription('always throws'),
  async run() {
    throw new Error('handler exploded');
  },
};

const standIn = new DiscordStandIn();
const logLines: string[] = [];
let bot: RunningBot;
let config: Config;
let dataDir: string;

type Embed = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  color?: number;
  image?: { url: string };
};
const embedOf = (response: InteractionResponse): Embed => {
  const data = (response.edit ?? response.callback.data) as { embeds?: Embed[] };
  const [embed] = data.embeds ?? [];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(response)}`);
  return embed;
};
type Component = { type: number; custom_id?: string; label?: string; disabled?: boolean; options?: unknown[] };
const componentsOf = (message: Record<string, unknown>): Component[] =>
  ((message.components ?? []) as { components: Component[] }[]).flatMap((row) => row.components);
const buttonsOf = (message: Record<string, unknown>) => componentsOf(message).filter((c) => c.type === 2);
const slash = (name: string, options: unknown[] = [], extra: Partial<Parameters<DiscordStandIn['interact']>[0]> = {}) =>
  standIn.interact({ type: 2, name, options, ...extra });
const datasetCommand = (
  subcommand: 'refresh' | 'validate',
  member: typeof MODERATOR,
  file?: { name: string; content: string },
  guildId = GUILD_ID,
) => {
  if (!file) return slash('dataset', [{ type: 1, name: subcommand, options: [] }], { member, guildId });
  const { option, resolved } = standIn.attach(file.name, file.content, 'application/json');
  return slash('dataset', [{ type: 1, name: subcommand, options: [option] }], { member, resolved });
};
const refresh = (member: typeof MODERATOR, file?: { name: string; content: string }) =>
  datasetCommand('refresh', member, file);

beforeAll(async () => {
  await standIn.start();
  dataDir = writeDataDir(fixtureDatasetJson(), 'file');
  config = standInConfig(standIn, TOKEN, dataDir, 'info');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('info', [TOKEN], sink);
  bot = await startBot(config, TOKEN, logger, new Map([...commands, ['boom', boom]]));
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

describe('the bot against a local Discord stand-in', () => {
  it('GIVEN npm run deploy THEN the commands are registered on the test server with Dutch localisations', async () => {
    const deployments = await deployCommands(config, TOKEN, APPLICATION_ID, commands);
    expect(deployments).toEqual([
      { scope: `server ${GUILD_ID}`, names: ['attack', 'attacks', 'toll', 'about', 'dataset'] },
    ]);
    const registered = standIn.registered.get(`guild:${GUILD_ID}`) as Record<string, unknown>[];
    const attack = registered.find((command) => command.name === 'attack') as {
      name_localizations: Record<string, string>;
      options: { autocomplete: boolean; max_length: number }[];
    };
    expect(attack.name_localizations).toEqual({ nl: 'aanval', fr: 'attaque' });
    expect(attack.options[0]).toMatchObject({ autocomplete: true, max_length: 100 });
    expect(registered.find((command) => command.name === 'dataset')).toMatchObject({
      default_member_permissions: '32',
    });
  });

  it('GIVEN public commands deployed globally and an admin server THEN /dataset is registered on the admin server only', async () => {
    const global = { ...config, DISCORD_GUILD_ID: undefined, ADMIN_GUILD_IDS: [OPERATORS_GUILD_ID] };
    const deployments = await deployCommands(global, TOKEN, APPLICATION_ID, commands);
    expect(deployments).toEqual([
      { scope: 'global (every server; may take a while to show)', names: ['attack', 'attacks', 'toll', 'about'] },
      { scope: `server ${OPERATORS_GUILD_ID}`, names: ['dataset'] },
    ]);
    expect((standIn.registered.get('global') as { name: string }[]).map((command) => command.name)).not.toContain(
      'dataset',
    );
  });

  it('GIVEN the bot logged in THEN it identified with the Guilds intent only', () => {
    expect(standIn.identify).toMatchObject({ intents: 1 });
    expect(bot.client.guilds.cache.has(GUILD_ID)).toBe(true);
  });

  it('GIVEN /attack Boulkessi THEN a public embed with the marked figure and a verbatim quote, pinging no one', async () => {
    const response = await slash('attack', [{ type: 3, name: 'place', value: 'Boulkessi' }]);
    expect(response.callback.type).toBe(4);
    expect(response.callback.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((response.callback.data?.flags ?? 0) as number & 64).toBe(0);
    const embed = embedOf(response);
    expect(embed.title).toBe('Attack on military base: Boulkessi, Mali');
    expect(embed.fields?.[0]?.value).toContain('⚠️ unconfirmed: two security sources');
    expect(embed.fields?.[0]?.value).toContain(
      '> twee veiligheidsbronnen meldden dat meer dan 30 soldaten waren omgekomen.',
    );
  });

  it('GIVEN /attack Mali THEN a menu of its attacks; picking Boulkessi shows it in the same message, menu gone', async () => {
    const asked = await slash('attack', [{ type: 3, name: 'place', value: 'Mali' }], { member: MEMBER });
    const menu = componentsOf(asked.message)[0];
    expect(menu).toMatchObject({ type: 3, custom_id: `attack:pick:${MEMBER.id}` });
    const options = (menu as { options: { label: string; value: string }[] }).options;
    expect(options.map((option) => option.value)).toEqual([
      'ml-boulkessi-2025-06-01',
      'ml-sirakorola-2025-05-30',
      'ml-dioura-2025-05-24',
    ]);
    const picked = await standIn.click({
      message: asked.message,
      customId: menu?.custom_id ?? '',
      values: ['ml-boulkessi-2025-06-01'],
      member: MEMBER,
    });
    expect(picked.callback.type).toBe(7);
    expect(picked.message.id).toBe(asked.message.id);
    expect(embedOf(picked).title).toBe('Attack on military base: Boulkessi, Mali');
    expect(componentsOf(picked.message)).toEqual([]);
  });

  it("GIVEN someone else picks from the asker's menu THEN they get their own ephemeral copy; the asker's message stays", async () => {
    const asked = await slash('attack', [{ type: 3, name: 'place', value: 'Mali' }], { member: MEMBER });
    const picked = await standIn.click({
      message: asked.message,
      customId: `attack:pick:${MEMBER.id}`,
      values: ['ml-dioura-2025-05-24'],
      member: MODERATOR,
    });
    expect(picked.callback.type).toBe(4);
    expect(picked.callback.data?.flags).toBe(64);
    expect(embedOf(picked).title).toBe('Attack on military base: Dioura, Mali');
  });

  it('GIVEN /attacks country:Mali THEN Boulkessi, Sirakorola and Dioura, newest first', async () => {
    const embed = embedOf(await slash('attacks', [{ type: 3, name: 'country', value: 'Mali' }]));
    const lines = embed.description?.split('\n') ?? [];
    const order = ['Boulkessi', 'Sirakorola', 'Dioura'].map((place) => lines.findIndex((l) => l.includes(place)));
    expect(order.every((line) => line >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('GIVEN the Sources button of an attack THEN each quote in full, ephemerally, in as many messages as needed', async () => {
    const asked = await slash('attack', [{ type: 3, name: 'place', value: 'Boulkessi' }]);
    const shown = await standIn.click({
      message: asked.message,
      customId: 'attack:quotes:ml-boulkessi-2025-06-01',
      member: MEMBER,
    });
    expect(shown.callback.type).toBe(4);
    expect(shown.callback.data?.flags).toBe(64);
    expect(JSON.stringify(embedOf(shown))).toContain('twee veiligheidsbronnen meldden dat meer dan 30 soldaten');
  });

  it('GIVEN a button of an attack no longer in the dataset THEN a private "no longer available", nothing changed', async () => {
    const asked = await slash('attack', [{ type: 3, name: 'place', value: 'Mali' }], { member: MEMBER });
    const picked = await standIn.click({
      message: asked.message,
      customId: `attack:pick:${MEMBER.id}`,
      values: ['ml-nowhere-2020-01-01'],
      member: MEMBER,
    });
    expect(picked.callback.type).toBe(4);
    expect(picked.callback.data?.flags).toBe(64);
  });

  it('GIVEN autocomplete for "boulk" THEN Boulkessi is the first choice', async () => {
    const response = await standIn.interact({
      type: 4,
      name: 'attack',
      options: [{ type: 3, name: 'place', value: 'boulk', focused: true }],
    });
    expect(response.callback.type).toBe(8);
    const choices = (response.callback.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({
      name: 'Boulkessi, Mali · 1 June 2025, inferred date',
      value: 'ml-boulkessi-2025-06-01',
    });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN autocomplete with junk THEN an empty list, not an error', async () => {
    const response = await standIn.interact({
      type: 4,
      name: 'toll',
      options: [{ type: 3, name: 'country', value: 'qqqqqqqqqq', focused: true }],
    });
    expect(response.callback).toEqual({ type: 8, data: { choices: [] } });
  });

  it('GIVEN /toll Niger THEN one figure for two attacks, unconfirmed, and no official toll', async () => {
    const embed = embedOf(await slash('toll', [{ type: 3, name: 'country', value: 'Niger' }]));
    expect(embed.title).toBe('Reported toll: Niger');
    expect(embed.description).toContain(
      'more than 100 in the Tahoua region (24 May 2025) and in the Dosso region (26 May 2025) · ⚠️ unconfirmed: security sources',
    );
    expect(JSON.stringify(embed.fields)).toContain('No official toll published');
  });

  it('GIVEN /attack Boulkessi and /toll Mali THEN the PNGs come in the multipart upload and the embeds show them', async () => {
    const attack = await slash('attack', [{ type: 3, name: 'place', value: 'Boulkessi' }]);
    expect(attack.uploads.map((upload) => [upload.field, upload.name, upload.contentType])).toEqual([
      ['files[0]', 'map.png', 'image/png'],
    ]);
    expect([...(attack.uploads[0]?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(embedOf(attack).image?.url).toBe('attachment://map.png');
    expect(attack.callback.data?.attachments).toEqual([
      expect.objectContaining({ id: '0', description: 'Map of the reported attacks' }),
    ]);

    const toll = await slash('toll', [{ type: 3, name: 'country', value: 'Mali' }], { locale: 'fr' });
    const sent = (toll.edit ?? toll.callback.data) as { embeds?: { image?: { url: string } }[] };
    expect(toll.uploads.map((upload) => upload.name)).toEqual(['map.png', 'timeline.png']);
    expect(toll.uploads.every((upload) => upload.bytes.length > 1000)).toBe(true);
    expect(sent.embeds?.map((embed) => embed.image?.url)).toEqual([
      'attachment://map.png',
      'attachment://timeline.png',
    ]);
  });

  it('GIVEN /toll Nigeria THEN no data, with Niger only as a suggestion', async () => {
    const embed = embedOf(await slash('toll', [{ type: 3, name: 'country', value: 'Nigeria' }]));
    expect(embed.title).toBe('No data in the sources');
    expect(embed.description).toContain('Did you mean: **Niger**?');
  });

  it('GIVEN a Dutch-locale user THEN the reply is in Dutch, the quote still verbatim', async () => {
    const embed = embedOf(await slash('attack', [{ type: 3, name: 'place', value: 'Dioura' }], { locale: 'nl' }));
    expect(embed.title).toBe('Aanval op militaire basis: Dioura, Mali');
    expect(embed.fields?.[0]?.value).toContain('📣 opgeëist door JNIM, niet onafhankelijk bevestigd');
  });

  it('GIVEN a handler that throws THEN an ephemeral "something went wrong" with a reference that is in the error log', async () => {
    const response = await slash('boom');
    expect(response.callback.data?.flags).toBe(64);
    const embed = embedOf(response);
    expect(embed.title).toBe('Something went wrong');
    const reference = embed.description?.match(/Reference: `(\w+)`/)?.[1];
    expect(reference).toBeDefined();
    const logged = logLines.map((line) => JSON.parse(line)).find((line) => line.reference === reference);
    expect(logged).toMatchObject({ level: 50, msg: 'command failed', command: 'boom' });
  });

  it('GIVEN a member without Manage Server THEN refresh is refused, ephemerally, and logged', async () => {
    const response = await refresh(MEMBER);
    expect(embedOf(response).title).toBe('Not allowed');
    expect(response.callback.data?.flags ?? response.callback.data).toBeTruthy();
    expect(logLines.some((line) => line.includes('dataset refresh refused') && line.includes(MEMBER.id))).toBe(true);
  });

  it('GIVEN a member with Manage Server in a server that is not an admin server THEN every /dataset command is refused and logged with where', async () => {
    const before = bot.store.current().dataset.version;
    for (const subcommand of ['refresh', 'status']) {
      const response = await slash('dataset', [{ type: 1, name: subcommand, options: [] }], {
        member: MODERATOR,
        guildId: STRANGERS_GUILD_ID,
      });
      const embed = embedOf(response);
      expect(embed.title).toBe('Not allowed');
      expect(embed.description).toContain('only moderators of the operators’ own servers can manage it');
      expect(response.callback.data?.flags ?? 64).toBe(64);
    }
    const refusals = logLines.filter((line) => line.includes('refused: not_admin_server'));
    expect(refusals.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ guildId: STRANGERS_GUILD_ID, by: expect.objectContaining({ id: MODERATOR.id }) }),
      expect.objectContaining({ guildId: STRANGERS_GUILD_ID, subcommand: 'status' }),
    ]);
    expect(bot.store.current().dataset.version).toBe(before);
  });

  it('GIVEN /dataset validate with a broken, then a good attachment THEN problems, then a summary; nothing swapped in or written', async () => {
    const before = bot.store.current().dataset.version;
    const onDisk = readFileSync(path.join(dataDir, 'dataset.json'), 'utf8');
    const broken = fixtureDatasetJson();
    Object.assign(byId(broken.incidents, 'ml-dioura-2025-05-24').date, { value: '2025-02-30' });
    const bad = embedOf(
      await datasetCommand('validate', MODERATOR, { name: 'check.json', content: JSON.stringify(broken) }),
    );
    expect(bad.title).toBe('The dataset has problems');
    expect(bad.description).toContain('ml-dioura-2025-05-24 (incidents');
    expect(bad.description).toContain('not a date of the calendar');

    const good = fixtureDatasetJson();
    good.incidents = good.incidents.filter((incident) => incident.id !== 'ml-sirakorola-2025-05-30');
    good.statements = good.statements.filter((statement) => statement.id !== 'st-sirakorola-no-figures');
    const response = await datasetCommand('validate', MODERATOR, { name: 'check.json', content: JSON.stringify(good) });
    expect(response.callback.data?.flags).toBe(64);
    const embed = embedOf(response);
    expect(embed.title).toBe('The dataset passes every check');
    expect(embed.fields?.[0]?.value).toContain('5 incidents');
    expect(embed.fields?.[1]?.value).toBe('May 2025 to 1 June 2025 (earliest and latest attack)');
    expect(bot.store.current().dataset.version).toBe(before);
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toBe(onDisk);
  });

  it('GIVEN a moderator refresh with a broken dataset THEN the problems are listed and the old dataset keeps serving', async () => {
    const before = bot.store.current().dataset.version;
    const broken = fixtureDatasetJson();
    const id = 'fig-boulkessi-soldiers-killed-security-sources';
    const at = indexOfId(broken.figures, id);
    Object.assign(byId(broken.figures, id), { status: 'probably' });
    const response = await refresh(MODERATOR, { name: 'dataset.json', content: JSON.stringify(broken) });
    expect(response.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const embed = embedOf(response);
    expect(embed.title).toBe('Refresh refused: the dataset has problems');
    expect(embed.description).toContain(`\`${before}\` is still serving`);
    // Escaped as all dataset text is: Discord shows "figures[0]".
    expect(embed.description).toContain(`dataset.json: ${id} (figures\\[${at}\\].status): Invalid option`);
    expect(bot.store.current().dataset.version).toBe(before);
    expect(embedOf(await slash('attack', [{ type: 3, name: 'place', value: 'Boulkessi' }])).title).toContain(
      'Boulkessi',
    );
  });

  it('GIVEN a moderator refresh with a good attached dataset THEN it is swapped in, kept on disk with a backup, and says what changed', async () => {
    const before = bot.store.current().dataset.version;
    const changed = fixtureDatasetJson();
    changed.incidents = changed.incidents.filter((incident) => incident.id !== 'ml-dioura-2025-05-24');
    changed.figures = changed.figures.filter((figure) => figure.id !== 'fig-dioura-soldiers-killed-jnim-claim');
    const content = JSON.stringify(changed, null, 2);
    const embed = embedOf(await refresh(MODERATOR, { name: 'dataset.json', content }));
    expect(embed.title, embed.description).toBe('Dataset refreshed');
    expect(embed.description).toContain(`(was \`${before}\`)`);
    expect(embed.fields?.[0]).toEqual({ name: 'Incidents (1 removed)', value: 'removed: `ml-dioura-2025-05-24`' });
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toBe(content);
    expect(existsSync(path.join(dataDir, 'dataset.json.bak'))).toBe(true);
    expect(embedOf(await slash('attack', [{ type: 3, name: 'place', value: 'Dioura' }])).title).toBe(
      'No data in the sources',
    );
  });

  it('GIVEN /attacks with more than a page THEN ▶ turns the page in place, ◀ turns it back', async () => {
    const many = fixtureDatasetJson();
    const sirakorola = byId(many.incidents, 'ml-sirakorola-2025-05-30');
    for (let day = 1; day <= 12; day += 1) {
      many.incidents.push({
        ...sirakorola,
        id: `ml-extra-${day}`,
        date: { ...sirakorola.date, value: `2024-03-${String(day).padStart(2, '0')}` },
      });
    }
    await refresh(MODERATOR, { name: 'dataset.json', content: JSON.stringify(many) });
    const asked = await slash('attacks', [], { member: MEMBER });
    const first = embedOf(asked);
    const next = buttonsOf(asked.message).find((button) => button.label?.includes('▶'));
    expect(next?.disabled).toBeFalsy();
    const turned = await standIn.click({ message: asked.message, customId: next?.custom_id ?? '', member: MEMBER });
    expect(turned.callback.type).toBe(7);
    expect(embedOf(turned).description).not.toBe(first.description);
    const previous = buttonsOf(turned.message).find((button) => button.label?.includes('◀'));
    const back = await standIn.click({ message: turned.message, customId: previous?.custom_id ?? '', member: MEMBER });
    expect(embedOf(back).description).toBe(first.description);
  });

  it('GIVEN every log line THEN the token never appears', () => {
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.join('\n')).not.toContain(TOKEN);
    expect(logLines.join('\n')).not.toContain('secret-token-value');
  });
});

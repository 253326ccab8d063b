import { type Interaction, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { consoleOperator, type Requester } from '../../commands/command.js';
import { dataset } from '../../commands/dataset.js';
import { commandContext } from '../../src/app.js';
import { requesterOf } from '../../src/bot/requester.js';
import { loadConfig, operatorGuildIds } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { DatasetStore, makeSnapshot } from '../../src/runtime/datasetStore.js';
import { loadFixtureDataset } from '../helpers/datasets.js';

const ADMIN = '200000000000000009';
const OTHER = '200000000000000066';
const ROLE = '700000000000000001';

/** The fields of an interaction the check reads, as discord.js fills them. */
function asked(guildId: string | null, permissions: bigint, roles: string[] = []): Interaction {
  return {
    user: { id: '400000000000000005', tag: 'mod' },
    guildId,
    member: guildId ? { roles } : null,
    memberPermissions: guildId ? new PermissionsBitField(permissions) : null,
  } as unknown as Interaction;
}

describe('who manages the dataset', () => {
  it('GIVEN ADMIN_GUILD_IDS, or else DISCORD_GUILD_ID THEN those are the operators’ servers; neither: none', () => {
    expect(operatorGuildIds(loadConfig({ ADMIN_GUILD_IDS: `${ADMIN}, ${OTHER}`, DISCORD_GUILD_ID: OTHER }))).toEqual([
      ADMIN,
      OTHER,
    ]);
    expect(operatorGuildIds(loadConfig({ DISCORD_GUILD_ID: OTHER }))).toEqual([OTHER]);
    expect(operatorGuildIds(loadConfig({}))).toEqual([]);
  });

  it.each([
    ['Manage Server in an admin server', asked(ADMIN, PermissionFlagsBits.ManageGuild), [ADMIN], 'operator'],
    ['a moderator role in an admin server', asked(ADMIN, 0n, [ROLE]), [ADMIN], 'operator'],
    ['no permission in an admin server', asked(ADMIN, 0n), [ADMIN], 'not_moderator'],
    ['Manage Server in another server', asked(OTHER, PermissionFlagsBits.ManageGuild), [ADMIN], 'not_admin_server'],
    ['a moderator role in another server', asked(OTHER, 0n, [ROLE]), [ADMIN], 'not_admin_server'],
    ['a direct message', asked(null, 0n), [ADMIN], 'not_admin_server'],
    ['Manage Server, no admin server set', asked(ADMIN, PermissionFlagsBits.ManageGuild), [], 'no_admin_servers'],
  ] as const)('GIVEN %s THEN %s', (_, interaction, operators, access) => {
    expect(requesterOf(interaction, [ROLE], operators).datasetAccess).toBe(access);
  });

  it('GIVEN no admin server set THEN /dataset refresh is refused, naming the variable that enables it', async () => {
    const fixture = await loadFixtureDataset();
    const store = new DatasetStore(await makeSnapshot(fixture, 'test', 'test'));
    const requester: Requester = { ...requesterOf(asked(ADMIN, PermissionFlagsBits.ManageGuild), [], []) };
    const context = commandContext(store, loadConfig({}), createLogger('silent'), requester, 'en');
    const reply = await dataset.run(context, { subcommand: 'refresh', options: {} });
    expect(reply.kind).toBe('refused');
    expect(reply.payload.flags).toBe(64);
    expect(reply.payload.embeds[0]?.description).toContain('`ADMIN_GUILD_IDS`');
    // The console runs the bot: its person is the operator.
    const status = await dataset.run(
      { ...context, requester: consoleOperator('me') },
      { subcommand: 'status', options: {} },
    );
    expect(status.kind).toBe('info');
  });
});

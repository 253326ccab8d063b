import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('GIVEN nothing THEN the local console defaults', () => {
    const config = loadConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config).toMatchObject({
      DISCORD_API_URL: 'https://discord.com/api',
      DATA_DIR: 'data',
      LOG_LEVEL: 'info',
      MODERATOR_ROLE_IDS: [],
    });
  });

  it('GIVEN empty values as in .env.example THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it('GIVEN moderator roles THEN a list of ids', () => {
    expect(loadConfig({ MODERATOR_ROLE_IDS: '123456789012345678, 223456789012345678' }).MODERATOR_ROLE_IDS).toEqual([
      '123456789012345678',
      '223456789012345678',
    ]);
  });

  it('GIVEN bad values THEN one line per variable saying what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ DATASET_URL: 'http://example.org/d.json', DISCORD_GUILD_ID: 'my-server', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DISCORD_GUILD_ID: expected a Discord id (17 to 20 digits)',
      expect.stringMatching(/^LOG_LEVEL: .*"info"/),
      'DATASET_URL: expected an https:// URL',
    ]);
  });
});

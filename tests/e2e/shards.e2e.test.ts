import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';
import { indexFolder } from '../../src/dataset/indexFiles.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';
import { APPLICATION_ID, DiscordStandIn, GUILD_ID, type InteractionResponse } from './discordStandIn.js';

/**
 * `npm start` with SHARD_COUNT=auto, as an operator runs it: the real ShardingManager asks the stand-in for the
 * recommended count (2) and spawns two shard processes, each logging in to the stand-in as its own shard.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAz.stand-in.shards-token-value';
const MODERATOR = { id: '400000000000000005', permissions: '32' };
/** A server whose events Discord sends to shard 1 of 2: `(id >> 22) % 2`. The test server is shard 0's. */
const OTHER_GUILD_ID = String(BigInt(GUILD_ID) + (1n << 22n));
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

type LogLine = { pid: number; msg: string; [key: string]: unknown };
type Embed = { title?: string; description?: string };

const standIn = new DiscordStandIn({ guilds: [GUILD_ID, OTHER_GUILD_ID], recommendedShards: 2 });
const logs: LogLine[] = [];
const lineListeners = new Set<(line: LogLine) => void>();
let manager: ChildProcess;
let dataDir: string;

const embedOf = (response: InteractionResponse): Embed => {
  const data = (response.edit ?? response.callback.data) as { embeds?: Embed[] };
  const [embed] = data.embeds ?? [];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(response)}`);
  return embed;
};
const attack = (place: string, guildId: string) =>
  standIn.interact({ type: 2, name: 'attack', options: [{ type: 3, name: 'place', value: place }], guildId });
/** The shard processes: those that logged a bot ready (the manager starts no bot of its own). */
const shardPids = () => [...new Set(logs.filter((line) => line.msg === 'bot ready').map((line) => line.pid))];
const alive = (pid: number) => {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`not a process id: ${pid}`);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves with the first log line that `match` accepts; rejects if the manager exits first. */
function logLine(match: (line: LogLine) => boolean): Promise<LogLine> {
  const seen = logs.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const onLine = (line: LogLine) => {
      if (!match(line)) return;
      lineListeners.delete(onLine);
      manager.off('exit', onExit);
      resolve(line);
    };
    const onExit = (code: number | null) => {
      lineListeners.delete(onLine);
      const tail = logs.slice(-5).map((line) => JSON.stringify(line));
      reject(new Error(`the manager exited (${code}) first; its last lines:\n${tail.join('\n')}`));
    };
    lineListeners.add(onLine);
    manager.once('exit', onExit);
  });
}

beforeAll(async () => {
  await standIn.start();
  dataDir = writeDataDir(fixtureDatasetJson(), 'file');
  // Every setting said here, even as unset (''), so that a developer's .env changes nothing.
  const unset = Object.fromEntries(Object.keys(ConfigSchema.shape).map((key) => [key, '']));
  manager = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...unset,
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APPLICATION_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: standIn.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SHARD_COUNT: 'auto',
    },
  });
  // The shard processes write to the manager's stderr: one stream of JSON lines from three processes.
  createInterface({ input: manager.stderr as NodeJS.ReadableStream }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      // Not a log line (a failure printed on its way out): kept for the report, from no known process.
      line = { pid: -1, msg: text };
    }
    logs.push(line);
    for (const listener of lineListeners) listener(line);
  });
  await logLine((line) => line.msg === 'shards ready');
  // The manager hears of a shard's client being ready a moment before the shard logs it.
  const ready = new Set<number>();
  await logLine((line) => line.msg === 'bot ready' && ready.add(line.pid).size === 2);
}, START_TIMEOUT_MS);

afterAll(async () => {
  if (manager && manager.exitCode === null && manager.signalCode === null) {
    manager.kill('SIGKILL');
    await once(manager, 'exit');
  }
  // Whatever a failed test left running of the shard processes this file started.
  for (const pid of shardPids()) if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
  await standIn.stop();
});

describe('SHARD_COUNT=auto: two shard processes on one index, through the real ShardingManager', () => {
  it('GIVEN auto THEN the manager spawns the count the stand-in recommends, each shard identifying as its own [id, 2]', () => {
    expect(standIn.identifies.map((identify) => identify.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const identify of standIn.identifies) expect(identify).toMatchObject({ token: TOKEN, intents: 1 });
    expect(shardPids()).toHaveLength(2);
  });

  it('GIVEN a server of each shard THEN each shard answers its own server', async () => {
    const first = await attack('Boulkessi', GUILD_ID);
    const second = await attack('Boulkessi', OTHER_GUILD_ID);
    expect([first.shard, second.shard]).toEqual([0, 1]);
    expect(embedOf(first).title).toContain('Boulkessi');
    expect(embedOf(second)).toEqual(embedOf(first));
  });

  it('GIVEN /dataset refresh in shard 0 THEN the index is built once, both shards serve it, and shard 1 answers from it', async () => {
    expect(embedOf(await attack('Dioura', OTHER_GUILD_ID)).title).toContain('Dioura');
    const changed = fixtureDatasetJson();
    changed.incidents = changed.incidents.filter((incident) => incident.id !== 'ml-dioura-2025-05-24');
    changed.figures = changed.figures.filter((figure) => figure.id !== 'fig-dioura-soldiers-killed-jnim-claim');
    const { option, resolved } = standIn.attach('dataset.json', JSON.stringify(changed), 'application/json');

    // An index is written under a temporary name of the writing process, then renamed: each build shows one.
    const builds = new Set<string>();
    const watcher: FSWatcher = watch(indexFolder(dataDir), (_event, name) => {
      if (name?.startsWith('import.') && name.endsWith('.tmp')) builds.add(name);
    });
    let refreshed: InteractionResponse;
    try {
      refreshed = await standIn.interact({
        type: 2,
        name: 'dataset',
        options: [{ type: 1, name: 'refresh', options: [option] }],
        member: MODERATOR,
        resolved,
      });
    } finally {
      watcher.close();
    }
    expect(refreshed.shard).toBe(0);
    const embed = embedOf(refreshed);
    expect(embed.title, embed.description).toBe('Dataset refreshed');
    expect(embed.description).toContain('Bot processes serving it: 2 of 2.');

    const refresher = await logLine((line) => line.msg === 'dataset refreshed');
    const switched = await logLine((line) => line.msg === 'dataset switched: refreshed in another shard');
    expect([...builds].map((name) => name.split('.')[1])).toEqual([String(refresher.pid)]);
    expect(shardPids()).toEqual(expect.arrayContaining([refresher.pid, switched.pid]));
    expect(switched.pid).not.toBe(refresher.pid);

    const after = await attack('Dioura', OTHER_GUILD_ID);
    expect(after.shard).toBe(1);
    expect(embedOf(after).title).toBe('No data in the sources');
    expect(embedOf(await attack('Boulkessi', OTHER_GUILD_ID)).title).toContain('Boulkessi');
  });

  it('GIVEN SIGTERM to the manager THEN it and both shard processes stop', async () => {
    const shards = shardPids();
    manager.kill('SIGTERM');
    const [code] = (await once(manager, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(shards).toHaveLength(2);
    await expect.poll(() => shards.filter(alive), { timeout: 10_000 }).toEqual([]);
  });

  it('GIVEN every log line of the three processes THEN the token never appears', () => {
    expect(logs.length).toBeGreaterThan(5);
    expect(JSON.stringify(logs)).not.toContain('shards-token-value');
  });
});

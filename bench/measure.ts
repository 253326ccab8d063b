import { appendFileSync, createReadStream, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import Fuse from 'fuse.js';
import { attack } from '../commands/attack.js';
import { consoleOperator } from '../commands/command.js';
import { answerAttack } from '../src/answers/attackAnswer.js';
import { answerListOfIds } from '../src/answers/listAnswer.js';
import { answerToll } from '../src/answers/tollAnswer.js';
import { commandContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadDataset } from '../src/dataset/loadDataset.js';
import { type Incident, IncidentSchema } from '../src/dataset/schema.js';
import { createLogger } from '../src/logger.js';
import { renderAnswer } from '../src/render/renderAnswer.js';
import { DatasetStore, makeSnapshot } from '../src/runtime/datasetStore.js';
import { normaliseForSearch } from '../src/search/normalise.js';
import type { BenchQuery, QuerySet } from './queryTable.js';
import { median, peakRssMb, percentile, pssMb, round, timeEach } from './stats.js';

/**
 * One implementation measured in a process of its own, so that its peak memory is its own:
 * `measure.ts ours|baseline <dataDir> <queries.json> <budget>`; prints one JSON object.
 */

interface Figures {
  autocomplete_median_ms: number;
  autocomplete_p99_ms: number;
  attack_median_ms: number;
  attack_p99_ms: number;
  load_ms: number;
  rss_mb: number;
  top1: number;
  [extra: string]: number;
}

interface Implementation {
  complete(query: string): unknown;
  attack(query: string): unknown;
  /** The place of the first answer, or null for "not found". */
  top(query: string): string | null;
}

const [mode, dataDir = '', queriesFile = '', budgetText = '1000'] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as QuerySet;
const budget = Number(budgetText);

/** How many times each side loads: the load time given is their median, as one load varies with the machine. */
const LOAD_RUNS = 3;

interface Loaded {
  implementation: Implementation;
  loadMs: number;
  openMs?: number;
  processStartMs?: number;
  rssAfterOpen?: number;
  extra?: () => Promise<Record<string, number>>;
  /** Loads again, as at first, and tells how long it took; the result is dropped. */
  reloadMs: () => Promise<number>;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** A fresh import: the index removed, then JSON/JSONL to a ready index, validation included. */
async function importOnly(): Promise<Record<string, number>> {
  rmSync(path.join(dataDir, '.index'), { recursive: true, force: true });
  const start = performance.now();
  const result = await loadDataset(dataDir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return { import_ms: round(performance.now() - start, 0), import_peak_rss_mb: peakRssMb() };
}

async function ours(): Promise<Loaded> {
  const load = async () => {
    const start = performance.now();
    const result = await loadDataset(dataDir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    const snapshot = await makeSnapshot(result.dataset, 'bench', dataDir);
    return { snapshot, loadMs: performance.now() - start };
  };
  const openStart = performance.now();
  const { snapshot, loadMs } = await load();
  const store = new DatasetStore(snapshot);
  const config = loadConfig({ DATA_DIR: dataDir });
  const context = commandContext(store, config, createLogger('silent'), consoleOperator('bench'), 'en');
  // From opening the index to the first answer, in this fresh process.
  await attack.run(context, { options: { place: queries.prefixes[0] ?? 'warm' } });
  const openMs = performance.now() - openStart;
  // performance.now() counts from the process's start: node and the modules loaded too.
  const processStartMs = performance.now();
  const implementation: Implementation = {
    complete: (query) => attack.complete(context, 'place', query),
    attack: (query) => attack.run(context, { options: { place: query } }),
    top: (query) => {
      const { dataset, index } = store.current();
      const answer = answerAttack(dataset, index, query);
      if (answer.kind === 'incident') return answer.report.incident.place.name;
      if (answer.kind === 'choose') return answer.options[0]?.incident.place.name ?? null;
      return null;
    },
  };
  const extra = async () => {
    const { dataset, index } = store.current();
    const largest = [...dataset.countries].sort(
      (a, b) => dataset.incidentsByCountry.count(b.code) - dataset.incidentsByCountry.count(a.code),
    )[0];
    const code = largest?.code ?? '';
    let start = performance.now();
    await answerToll(dataset, index, code);
    const tollFirst = performance.now() - start;
    const tollTimes = await timeEach([...Array(20).keys()], () => answerToll(dataset, index, code));
    const listTimes = await timeEach([...Array(5).keys()], (page) => answerListOfIds(dataset, { country: code }, page));
    const rssAfterQueries = rssMb();
    // A refresh to changed data (a line more) while the bot would be answering: how long is the event loop held?
    appendFileSync(path.join(dataDir, 'incidents.jsonl'), '\n');
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The delay also counts the time this thread waits for a core on a busy machine; the event loop's own busy time
    // between two ticks tells how long work on this thread held it.
    let busiest = 0;
    let utilisation = performance.eventLoopUtilization();
    const ticks = setInterval(() => {
      const now = performance.eventLoopUtilization();
      busiest = Math.max(busiest, now.active - utilisation.active);
      utilisation = now;
    }, 1);
    start = performance.now();
    const outcome = await store.refresh(() => loadDataset(dataDir), 'bench', dataDir);
    clearInterval(ticks);
    delay.disable();
    if (!outcome.ok) throw new Error('refresh failed');
    return {
      toll_first_ms: round(tollFirst, 0),
      toll_p99_ms: round(percentile(tollTimes, 99), 3),
      list_p99_ms: round(percentile(listTimes, 99), 1),
      rss_mb_after_queries: rssAfterQueries,
      refresh_ms: round(performance.now() - start, 0),
      refresh_max_block_ms: round(delay.max / 1e6, 1),
      refresh_max_busy_ms: round(busiest, 1),
    };
  };
  return {
    implementation,
    loadMs,
    openMs,
    processStartMs,
    rssAfterOpen: rssMb(),
    reloadMs: async () => (await load()).loadMs,
    extra,
  };
}

/** A process that opens the index and answers a little, then reports its memory: one of four on the same index. */
async function openOnly(): Promise<Record<string, number>> {
  const loaded = await ours();
  for (const query of queries.prefixes.slice(0, 50)) loaded.implementation.complete(query);
  return { open_ms: round(loaded.openMs ?? 0, 0), rss_mb: rssMb(), pss_mb: pssMb() ?? Number.NaN };
}

async function baseline(): Promise<Loaded> {
  const load = async () => {
    const start = performance.now();
    const records: Incident[] = [];
    const lines = createInterface({
      input: createReadStream(`${dataDir}/incidents.jsonl`, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) if (line.trim() !== '') records.push(JSON.parse(line) as Incident);
    // Plain fuse.js over whole incident records with four keys: the naive design.
    const fuse = new Fuse(records, {
      keys: ['place.name', 'place.aliases', 'countryCode', 'perpetrator.actorId'],
      includeScore: true,
    });
    return { fuse, loadMs: performance.now() - start };
  };
  const { fuse, loadMs } = await load();
  const country = (code: string) => ({ code, names: { en: code, nl: code, fr: code } });
  const implementation: Implementation = {
    complete: (query) => fuse.search(query, { limit: 25 }),
    attack: (query) => {
      const [top] = fuse.search(query, { limit: 1 });
      if (!top) return undefined;
      const report = {
        incident: IncidentSchema.parse(top.item),
        country: country(top.item.countryCode),
        perpetrator: null,
        figures: [],
        statements: [],
      };
      return renderAnswer({ kind: 'incident', report, sources: [] }, 'en');
    },
    top: (query) => fuse.search(query, { limit: 1 })[0]?.item.place.name ?? null,
  };
  return { implementation, loadMs, reloadMs: async () => (await load()).loadMs };
}

function accuracy(implementation: Implementation, table: readonly BenchQuery[]): number {
  const correct = table.filter((query) => {
    const top = implementation.top(query.text);
    return query.expected === null
      ? top === null
      : top !== null && normaliseForSearch(top) === normaliseForSearch(query.expected);
  });
  return correct.length / table.length;
}

async function main(): Promise<void> {
  if (mode === 'import' || mode === 'open') {
    process.stdout.write(`${JSON.stringify(mode === 'import' ? await importOnly() : await openOnly())}\n`);
    return;
  }
  const loaded = mode === 'ours' ? await ours() : await baseline();
  const rssAfterLoad = peakRssMb();
  const { implementation } = loaded;
  const sample = <T>(items: readonly T[]) => items.slice(0, budget);
  const completeQueries = sample([...queries.prefixes, ...queries.typos]);
  // Warm up on queries that are not timed, as a running bot would be: right after a large load the first queries
  // also wait for the JIT and the garbage collector to settle (measured at 1M: the first pass of the timed queries
  // took up to 27 ms a query, a second pass at most 5.4 ms).
  for (const query of ['warm', 'Warmup', 'wa']) {
    implementation.complete(query);
    implementation.attack(query);
  }
  const timed = new Set(completeQueries);
  for (const { text } of sample(queries.table.filter(({ text }) => !timed.has(text)))) implementation.complete(text);
  const completeTimes = await timeEach(completeQueries, (query) => implementation.complete(query));
  const attackTimes = await timeEach(sample(queries.typos), (query) => implementation.attack(query));
  const table = queries.table.filter((_, i) => i < budget * 3);
  const figures: Figures = {
    autocomplete_median_ms: round(median(completeTimes), 3),
    autocomplete_p99_ms: round(percentile(completeTimes, 99), 3),
    attack_median_ms: round(median(attackTimes), 3),
    attack_p99_ms: round(percentile(attackTimes, 99), 3),
    load_ms: Number.NaN, // the median of every load, once all are timed
    rss_mb: rssAfterLoad,
    top1: round(accuracy(implementation, table), 3),
    negatives_answered: table.filter((q) => q.expected === null && implementation.top(q.text) !== null).length,
    queries_timed: completeQueries.length,
  };
  if (loaded.openMs !== undefined) {
    Object.assign(figures, {
      open_ms: round(loaded.openMs, 0),
      process_start_to_first_answer_ms: round(loaded.processStartMs ?? 0, 0),
      rss_mb_after_open: loaded.rssAfterOpen,
    });
  }
  if (loaded.extra) Object.assign(figures, await loaded.extra());
  // Loaded again only once everything else is measured: the loads' garbage weighs on no other figure.
  const loadTimes = [loaded.loadMs];
  while (loadTimes.length < LOAD_RUNS) loadTimes.push(await loaded.reloadMs());
  figures.load_ms = round(median(loadTimes), 0);
  figures.load_runs = LOAD_RUNS;
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

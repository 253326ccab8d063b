import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { runsCompiled } from '../src/dataset/threadModule.js';
import { generateDataset } from './generateDataset.js';
import { buildQuerySet } from './queryTable.js';

/**
 * `npm run bench [-- --json] [--sizes 10000,100000,1000000]`: our search against plain fuse.js over whole incident
 * records, on synthetic datasets generated into a temporary folder (never committed), measured in one run.
 */

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesAt = args.indexOf('--sizes');
const sizes = (sizesAt >= 0 ? (args[sizesAt + 1] ?? '') : '10000,100000,1000000').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
  process.stderr.write('Usage: npm run bench -- [--json] [--sizes 10000,100000,1000000]\n');
  process.exit(1);
}
const here = path.dirname(new URL(import.meta.url).pathname);
/**
 * `npm run bench` runs compiled, and so measures what production runs: node on dist/bench/measure.js, with the flags
 * `npm start` gives it. Run as TypeScript (tsx bench/run.ts), it measures bench/measure.ts through tsx, whose loader
 * costs memory of its own.
 */
const MEASURE = runsCompiled(import.meta.url)
  ? ['--no-memory-reducer', path.join(here, 'measure.js')]
  : ['--import', 'tsx', path.join(here, 'measure.ts')];
/** Queries per kind for ours; plain fuse.js takes seconds a query at a million records, so it gets fewer. */
const OURS_BUDGET = 300;
const baselineBudget = (incidents: number) => (incidents >= 1_000_000 ? 12 : incidents >= 100_000 ? 40 : 150);

function measure(
  mode: 'import' | 'open' | 'ours' | 'baseline',
  dataDir: string,
  queriesFile: string,
  budget: number,
): Record<string, number> {
  const output = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', ...MEASURE, mode, dataDir, queriesFile, String(budget)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

/** `measure`, in a process running beside others. */
function measureAsync(mode: 'open', dataDir: string, queriesFile: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...MEASURE, mode, dataDir, queriesFile, '0'],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>);
      },
    );
  });
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const results = [];
for (const incidents of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahel-bench-'));
  try {
    log(`${incidents} incidents: generating…`);
    const generated = generateDataset(incidents, dir);
    const queriesFile = path.join(dir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(buildQuerySet(generated, 100)));
    log(`${incidents} incidents: importing…`);
    const imported = measure('import', dir, queriesFile, 0);
    log(`${incidents} incidents: four processes opening the index…`);
    const four = await Promise.all([0, 1, 2, 3].map(() => measureAsync('open', dir, queriesFile)));
    log(`${incidents} incidents: measuring ours…`);
    const ours: Record<string, number> = {
      ...imported,
      ...measure('ours', dir, queriesFile, OURS_BUDGET),
      rss_mb_4_processes: four.reduce((total, figures) => total + (figures.rss_mb ?? 0), 0),
      pss_mb_4_processes: four.reduce((total, figures) => total + (figures.pss_mb ?? 0), 0),
    };
    log(`${incidents} incidents: measuring plain fuse.js…`);
    const baseline = measure('baseline', dir, queriesFile, baselineBudget(incidents));
    results.push({ incidents, places: generated.placeNames.length, ours, baseline });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (json) {
  process.stdout.write(`${JSON.stringify({ machine, sizes: results })}\n`);
} else {
  const keys = [
    'autocomplete_median_ms',
    'autocomplete_p99_ms',
    'attack_median_ms',
    'attack_p99_ms',
    'load_ms',
    'rss_mb',
    'top1',
    'import_ms',
    'open_ms',
    'process_start_to_first_answer_ms',
    'rss_mb_after_open',
    'rss_mb_after_queries',
    'rss_mb_4_processes',
    'pss_mb_4_processes',
    'toll_first_ms',
    'toll_p99_ms',
    'list_p99_ms',
  ];
  const lines = [
    `machine: ${machine}`,
    '',
    `| incidents | figure | ours | plain fuse.js | plain ÷ ours |`,
    '|---|---|---|---|---|',
  ];
  for (const { incidents, ours, baseline } of results) {
    for (const key of keys) {
      const ratio = key.endsWith('_ms') && ours[key] ? `${((baseline[key] ?? 0) / (ours[key] ?? 1)).toFixed(1)}×` : '';
      lines.push(`| ${incidents} | ${key} | ${ours[key]} | ${baseline[key]} | ${ratio} |`);
    }
    lines.push(`| ${incidents} | negatives answered | ${ours.negatives_answered} | ${baseline.negatives_answered} | |`);
    lines.push(
      `| ${incidents} | refresh: total / longest block | ${ours.refresh_ms} ms / ${ours.refresh_max_block_ms} ms | | |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

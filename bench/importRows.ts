import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { importExport } from '../src/import/importFile.js';

/**
 * `npm run bench:import [-- --rows 1000000 --runs 3]`: an ACLED export of generated rows (current layout, quoted
 * multi-line notes with commas and quotes, some rows without coordinates) imported into a temporary folder, timed,
 * with the process's peak resident memory sampled; the median of the runs is printed. Never part of the tests.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const rows = option('--rows', 1_000_000);
const runs = option('--runs', 3);

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const COUNTRIES = [
  ['466', 'Mali', 'MLI'],
  ['854', 'Burkina Faso', 'BFO'],
  ['562', 'Niger', 'NIG'],
] as const;

async function generate(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\ufeff${HEADER}\n`);
  for (let row = 0; row < rows; row++) {
    const [iso, country, prefix] = COUNTRIES[row % 3] as (typeof COUNTRIES)[number];
    const day = `20${String(15 + (row % 10)).padStart(2, '0')}-${String(1 + (row % 12)).padStart(2, '0')}-${String(1 + (row % 28)).padStart(2, '0')}`;
    const place = `Place ${row % 5000}`;
    const noCoordinates = row % 17 === 0;
    const line = [
      `${prefix}${row}`,
      day,
      day.slice(0, 4),
      String(1 + (row % 3)),
      'Political violence',
      'Battles',
      'Armed clash',
      row % 2 ? "JNIM: Jama'a Nusrat al-Islam wal-Muslimin" : 'Islamic State (Sahel)',
      '',
      'Rebel group',
      `Military Forces of ${country} (2021-)`,
      '',
      'State forces',
      'State forces-Rebel group',
      '',
      iso,
      'Western Africa',
      country,
      `Region ${row % 20}`,
      `District ${row % 200}`,
      '',
      place,
      noCoordinates ? '' : (12 + (row % 700) / 100).toFixed(4),
      noCoordinates ? '' : (-4 + (row % 900) / 100).toFixed(4),
      String(1 + (row % 3)),
      'Fixture Radio; Fixture Wire',
      'National',
      `"On ${day}, militants attacked ""the camp"" of ${place}, killing soldiers;\nthe army said ${row % 40}, the figure coded."`,
      String(row % 40),
      '',
      '1749000000',
    ].join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const work = mkdtempSync(path.join(tmpdir(), 'sahel-import-bench-'));
try {
  const file = path.join(work, 'acled.csv');
  await generate(file);
  const results: { seconds: number; cpuSeconds: number; peakMb: number }[] = [];
  for (let run = 0; run < runs; run++) {
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const report = await importExport('acled', file, path.join(work, `out-${run}`), 'acled.csv');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sampler);
    if (report.imported !== rows) throw new Error(`imported ${report.imported} of ${rows} rows`);
    results.push({ seconds, cpuSeconds, peakMb: Math.round(peak / 2 ** 20) });
    rmSync(path.join(work, `out-${run}`), { recursive: true, force: true });
  }
  const median = <T>(values: T[], key: (value: T) => number) =>
    values.map(key).sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  process.stdout.write(
    `${rows} ACLED rows on ${cpus().length} cores, ${runs} runs: median ${median(results, (r) => r.seconds).toFixed(1)} s, ` +
      `${Math.round(rows / median(results, (r) => r.seconds))} rows/s, median CPU ${median(results, (r) => r.cpuSeconds).toFixed(1)} s, median peak RSS ${median(results, (r) => r.peakMb)} MB, load average ${loadavg()[0]?.toFixed(1)} ` +
      `(runs: ${results.map((r) => `${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ${r.peakMb} MB`).join(', ')})\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

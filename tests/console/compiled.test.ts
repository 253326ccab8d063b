import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generateDataset.js';
import { threadModule } from '../../src/dataset/threadModule.js';
import { FIXTURE_DIR } from '../helpers/datasets.js';

/**
 * `npm start` and the other production scripts run the build (`npm run build`, into dist/) with plain node, and
 * their worker threads start on compiled modules; the rest of the suite runs the TypeScript. dist/ holds no `.mjs`
 * shim, so a thread started the TypeScript way from there fails to start.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const TEMP = mkdtempSync(path.join(tmpdir(), 'sahel-compiled-'));

beforeAll(() => {
  // The same incremental build `npm start` runs first: after the first, it redoes only what changed.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

function runCompiled(script: string, args: string[], input: string, dataDir: string) {
  const result = spawnSync(process.execPath, [path.join(DIST, script), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every `.mjs` file under `folder`: the shims that start a thread under TypeScript. */
function shims(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('Worker.mjs'))
    .map((file) => path.join(folder, file));
}

describe('the compiled build', () => {
  it('GIVEN each worker thread shim THEN the build holds the compiled thread a compiled caller starts', () => {
    const found = shims(path.join(ROOT, 'src'));
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const shim of found) {
      const name = path.basename(shim, 'Worker.mjs');
      const caller = pathToFileURL(path.join(DIST, path.relative(ROOT, path.dirname(shim)), 'caller.js')).href;
      expect(existsSync(threadModule(name, caller)), `${name}Thread.js beside ${caller}`).toBe(true);
    }
    expect(shims(DIST)).toEqual([]);
  });

  it('GIVEN `node dist/src/main.js` and /toll Niger THEN the console answers', () => {
    const { code, stdout, stderr } = runCompiled('src/main.js', [], '/toll Niger\n/quit\n', FIXTURE_DIR);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Reported toll: Niger');
  });

  it('GIVEN a dataset large enough to import on a thread THEN compiled ask imports it and draws its pictures', () => {
    const dataDir = path.join(TEMP, 'data');
    generateDataset(1000, dataDir);
    const images = path.join(TEMP, 'images');
    const { code, stdout, stderr } = runCompiled('src/ask.js', ['--json', '--images', images, '/toll'], '', dataDir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'region' });
    expect(readdirSync(images).sort()).toEqual(['map.png', 'timeline.png']);
    for (const image of readdirSync(images)) expect(statSync(path.join(images, image)).size).toBeGreaterThan(1000);
  });
});

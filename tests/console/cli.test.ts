import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../helpers/datasets.js';
import { articleBody, quotesIn } from '../helpers/quotes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** `ask` writes an answer's pictures to a new temporary folder: here, inside one removed after the tests. */
const TEMP = mkdtempSync(path.join(tmpdir(), 'sahel-cli-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

/** The app as started here reads the article fixture, not data/, unless a test sets DATA_DIR itself. */
function run(script: 'src/ask.ts' | 'src/main.ts', args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      DATA_DIR: FIXTURE_DIR,
      TMPDIR: TEMP,
      ...env,
    },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function askJson(line: string) {
  const result = run('src/ask.ts', ['--json', line]);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return { ...result, json: JSON.parse(lines[0] ?? '') };
}

describe('npm run ask -- --json', () => {
  it('GIVEN "/toll Niger" THEN exactly one JSON object: the result and the exact payload', () => {
    const { code, json } = askJson('/toll Niger');
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'toll', incidents: [{ place: 'Dosso' }, { place: 'Tahoua' }] });
    expect(json.message.embeds[0].title).toBe('Reported toll: Niger');
    expect(json.message.allowedMentions).toEqual({ parse: [] });
    for (const quote of quotesIn(json.message)) expect(articleBody()).toContain(quote.text);
  });

  it('GIVEN a typo THEN the incident, by place name', () => {
    expect(askJson('/attack Boulkesi').json).toMatchObject({ kind: 'incident', incidents: [{ place: 'Boulkessi' }] });
  });

  it('GIVEN a place the sources do not cover THEN not_found, exit 0', () => {
    const { code, json } = askJson('/attack Timbuktu');
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'not_found', incidents: [] });
  });

  it.each([
    ['an unknown command', '/weather Bamako'],
    ['an empty query', '/attack'],
    ['5,000 characters of junk', `/attack ${'#%&'.repeat(1700)}`],
  ])('GIVEN %s THEN kind error, the message the user would see, exit 1, no stack trace', (_what, line) => {
    const { code, json, stderr } = askJson(line);
    expect(code).toBe(1);
    expect(json.kind).toBe('error');
    expect(json.message.embeds[0].description.length).toBeGreaterThan(10);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN emoji, markdown and @everyone THEN not found, escaped, pinging no one', () => {
    const { json } = askJson('/attack 🔥 **@everyone**');
    expect(json.kind).toBe('not_found');
    expect(json.message.embeds[0].description).toContain('\\*\\*@\u200beveryone\\*\\*');
  });
});

describe('npm run ask (human)', () => {
  it('GIVEN "/attack Djibo" THEN a readable rendering with the claim marker and quote', () => {
    const { code, stdout } = run('src/ask.ts', ['/attack Djibo']);
    expect(code).toBe(0);
    expect(stdout).toContain('Attack on military positions and the town: Djibo, Burkina Faso');
    expect(stdout).toContain('📣 claimed by JNIM, not independently confirmed');
    expect(stdout).toContain('┃ Daarbij zouden volgens de groep 200 soldaten zijn omgekomen.');
  });

  it('GIVEN a Dutch locale THEN Dutch labels', () => {
    expect(run('src/ask.ts', ['--locale', 'nl', '/toll Mali']).stdout).toContain('Gemeld dodental: Mali');
  });

  it('GIVEN a French locale THEN French from title to footer, the quote in Dutch, its translation marked', () => {
    const { stdout } = run('src/ask.ts', ['--locale', 'fr', '/toll Niger']);
    expect(stdout).toContain('Bilan rapporté : Niger');
    expect(stdout).toContain('non confirmé : des sources sécuritaires');
    expect(stdout).toContain('In Niger kwamen volgens veiligheidsbronnen');
    expect(stdout).toContain('traduction (fr) :');
    expect(stdout).toMatch(/Source : Article de presse néerlandais .*juin 2025/);
  });
});

describe('npm start without a token: the console', () => {
  it('GIVEN typed lines THEN each is answered, /help lists commands, /quit leaves', () => {
    const { code, stdout } = run(
      'src/main.ts',
      [],
      '/help\n/attack Jibo\n/toll Nigeria\n/quit\n/attack never reached\n',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('/attack <place>');
    expect(stdout).toContain('Djibo, Burkina Faso');
    expect(stdout).toContain('Did you mean: Niger?');
    expect(stdout).not.toContain('never reached');
  });

  it('GIVEN /locale fr and /about THEN the period covered and the newest attack, in French', () => {
    const { stdout } = run('src/main.ts', [], '/locale fr\n/about\n/quit\n');
    expect(stdout).toContain('du mai 2025 au 1 juin 2025');
    expect(stdout).toMatch(/Attaque la plus récente\s+│?\s*Boulkessi, Mali/);
  });

  it('GIVEN a bad setting THEN one clear line naming it, exit 1, no stack trace', () => {
    const { code, stderr } = run('src/main.ts', [], '', { LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/LOG_LEVEL: .*"info"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a broken dataset folder THEN the problems, exit 1', () => {
    const { code, stderr } = run('src/main.ts', [], '', { DATA_DIR: 'tests' });
    expect(code).toBe(1);
    expect(stderr).toContain('tests/dataset.json: cannot read the file (no such file)');
  });
});

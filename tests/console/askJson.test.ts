import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outcomeJson } from '../../src/console/answerJson.js';
import { ANSWER_JSON_VERSION, AnswerJsonSchema } from '../../src/console/answerJsonSchema.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { payload } from '../../src/render/payload.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STACK_TRACE = /\n\s+at /;

let data: DatasetFile;
let env: Record<string, string>;
beforeAll(() => {
  data = fixtureDatasetJson();
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    DATA_DIR: writeDataDir(data, 'file'),
  };
});

const ASK = ['--import', 'tsx', 'src/ask.ts', '--json'];

/** Runs the real ask script; stdout must be exactly one JSON object of the documented shape. */
function askJson(line: string) {
  const result = spawnSync(process.execPath, [...ASK, line], { cwd: ROOT, encoding: 'utf8', env, timeout: 30_000 });
  const lines = result.stdout.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  return { code: result.status, stderr: result.stderr, json: AnswerJsonSchema.parse(JSON.parse(lines[0] ?? '')) };
}

describe('ask --json: the answer itself, for scripts', () => {
  it('GIVEN "/toll Niger" THEN one object: schema version, incident ids, figures with status and role, totals, the message', () => {
    const { code, json } = askJson('/toll Niger');
    expect(code).toBe(0);
    expect(json.schemaVersion).toBe(ANSWER_JSON_VERSION);
    expect(json.kind).toBe('toll');
    const nigerIds = data.incidents.filter((incident) => incident.countryCode === 'NE').map((incident) => incident.id);
    expect(json.incidents.map((incident) => incident.id).sort()).toEqual(nigerIds.sort());
    expect(json.figures.length).toBeGreaterThan(0);
    for (const figure of json.figures) {
      const recorded = data.figures.find((candidate) => candidate.id === figure.id);
      expect(figure).toMatchObject({
        value: recorded?.value,
        saidBy: recorded?.saidBy,
        status: recorded?.status,
        scope: recorded?.scope,
      });
      expect(figure.role).not.toBeNull();
    }
    expect(json.totals.every((total) => total.countryCode === 'NE')).toBe(true);
    expect(json.message?.embeds[0]?.title).toBe('Reported toll: Niger');
  });

  it('GIVEN an attack id THEN that incident, its figures and statements with their quotes, the sources they cite', () => {
    const incident = data.incidents.find((candidate) =>
      data.figures.some(
        (figure) => figure.scope.kind === 'incidents' && figure.scope.incidentIds.includes(candidate.id),
      ),
    );
    if (!incident) throw new Error('the bundled dataset has no incident with a figure');
    const { code, json } = askJson(`/attack ${incident.id}`);
    expect(code).toBe(0);
    expect(json.kind).toBe('incident');
    expect(json.incidents).toEqual([
      { id: incident.id, place: incident.place.name, countryCode: incident.countryCode, date: incident.date.value },
    ]);
    for (const figure of json.figures) {
      expect(figure.scope).toMatchObject({ kind: 'incidents', incidentIds: expect.arrayContaining([incident.id]) });
      expect(figure.quotes.length).toBeGreaterThan(0);
      expect(figure.role).toBeNull();
    }
    const cited = new Set(json.figures.flatMap((figure) => figure.quotes.map((quote) => quote.sourceId)));
    for (const sourceId of cited) expect(json.sources.map((source) => source.id)).toContain(sourceId);
  });

  it('GIVEN "/toll" alone THEN the region: every country with attacks, and the region-wide figures marked so', () => {
    const { json } = askJson('/toll');
    expect(json.kind).toBe('region');
    expect(json.incidents).toHaveLength(data.incidents.length);
    const regionWide = data.figures.filter((figure) => figure.scope.kind === 'region').map((figure) => figure.id);
    expect(json.figures.filter((figure) => figure.role === 'region_wide').map((figure) => figure.id)).toEqual(
      regionWide,
    );
    expect(new Set(json.figures.map((figure) => figure.id)).size).toBe(json.figures.length);
  });

  it('GIVEN /help THEN the same top-level shape, with the text and no message', () => {
    const help = askJson('/help');
    const toll = askJson('/toll Niger');
    expect(help.code).toBe(0);
    expect(help.json).toMatchObject({ kind: 'info', error: null, message: null, incidents: [], figures: [] });
    expect(help.json.text).toContain('/attack <place>');
    expect(Object.keys(help.json)).toEqual(Object.keys(toll.json));
  });

  it('GIVEN a place not covered THEN not_found with the query, exit 0: "no data" is an answer', () => {
    const { code, json } = askJson('/toll Nigeria');
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'not_found', query: 'Nigeria', suggestions: ['Niger'] });
  });

  it('GIVEN an unknown command THEN kind error with its code, exit 1', () => {
    const { code, json, stderr } = askJson('/weather Bamako');
    expect(code).toBe(1);
    expect(json).toMatchObject({ kind: 'error', error: 'unknown_command', query: '/weather Bamako' });
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});

describe('outcomeJson: replies that answer no question', () => {
  const message = payload([{ title: 'x' }]);
  it('GIVEN a crash THEN error "crash" with the message that gives the reference', () => {
    const reply = { payload: message, kind: 'error', incidents: [] } as const;
    expect(outcomeJson({ kind: 'crash', reply, reference: 'abcd1234' })).toMatchObject({
      kind: 'error',
      error: 'crash',
      message,
    });
  });

  it('GIVEN a refusal THEN error "refused"; GIVEN /about THEN info with the message', () => {
    const refused = outcomeJson({ kind: 'reply', reply: { payload: message, kind: 'refused', incidents: [] } });
    expect(refused).toMatchObject({ kind: 'error', error: 'refused' });
    const about = outcomeJson({ kind: 'reply', reply: { payload: message, kind: 'info', incidents: [] } });
    expect(about).toMatchObject({ kind: 'info', error: null, message, text: null });
  });
});

describe('ask when the reader closes the pipe early (… | head -c 10)', () => {
  it('GIVEN stdout closed before the answer is written THEN a quiet exit: no stack trace, no EPIPE, exit 0', async () => {
    const child = spawn(process.execPath, [...ASK, '/attack Dioura'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});

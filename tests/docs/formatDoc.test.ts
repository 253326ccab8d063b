import { readFileSync } from 'node:fs';
import path from 'node:path';
import stripJsonComments from 'strip-json-comments';
import { describe, expect, it } from 'vitest';
import {
  bareJsonSchema,
  datasetJsonSchema,
  FORMAT_DOC,
  JSON_SCHEMA_FILE,
  SHAPES,
  type ShapeName,
  shapeNodes,
} from '../../src/schemaDoc/datasetJsonSchema.js';
import { parseDocTables } from '../../src/schemaDoc/docTables.js';
import { fieldsOf } from '../../src/schemaDoc/schemaFields.js';
import { secondArticleAdditions } from '../helpers/secondArticle.js';

// docs/data-format.md against the zod schema: a field, a value or an example that drifts from the schema fails here.
const markdown = readFileSync(FORMAT_DOC, 'utf8');
const docs = parseDocTables(markdown);
const shapes = shapeNodes(bareJsonSchema());
const REGENERATE = 'run `npm run schema` and commit docs/dataset.schema.json';

describe('docs/data-format.md: the field tables', () => {
  it('GIVEN every shape the JSON Schema names THEN each has a field table, and no table names another', () => {
    expect([...shapes.keys()].sort()).toEqual(Object.keys(SHAPES).sort());
    expect([...docs.fields.keys()].sort()).toEqual(Object.keys(SHAPES).sort());
  });

  it.each([...shapes.keys()])('GIVEN %s THEN a row for each of its fields, none for a field it lacks', (name) => {
    const schemaPaths = [...fieldsOf(shapes.get(name) as never).keys()];
    const docPaths = (docs.fields.get(name) ?? []).map((row) => row.path);
    expect(
      schemaPaths.filter((path) => !docPaths.includes(path)),
      `add a row to <!-- fields: ${name} -->`,
    ).toEqual([]);
    expect(
      docPaths.filter((path) => !schemaPaths.includes(path)),
      `rows of <!-- fields: ${name} --> the schema lacks`,
    ).toEqual([]);
    expect(new Set(docPaths).size, 'a field documented twice').toBe(docPaths.length);
  });

  it.each([...shapes.keys()])('GIVEN %s THEN "required" says what the schema requires', (name) => {
    const fields = fieldsOf(shapes.get(name) as never);
    for (const row of docs.fields.get(name) ?? []) {
      const field = fields.get(row.path);
      if (!field) continue; // the test above names it
      expect(row.required.split(' ')[0], `${name} ${row.path}`).toBe(field.required ? 'yes' : 'no');
      expect(row.meaning, `${name} ${row.path}: a meaning`).not.toBe('');
    }
  });

  it('GIVEN every field with a fixed set of values THEN a values table with exactly those values, each explained', () => {
    const expected = new Map<string, string[]>();
    for (const [name, node] of shapes) {
      for (const field of fieldsOf(node).values()) {
        if (field.values.length > 0) expected.set(`${name} ${field.path}`, field.values);
      }
    }
    expect([...docs.values.keys()].sort(), 'one <!-- values: Shape field --> table per enum').toEqual(
      [...expected.keys()].sort(),
    );
    for (const [key, values] of expected) {
      const rows = docs.values.get(key) ?? [];
      expect(rows.map((row) => row.value).sort(), key).toEqual([...values].sort());
      for (const row of rows) expect(row.meaning, `${key} ${row.value}`).not.toBe('');
    }
  });
});

/** The `<!-- example: Shape -->` code blocks, parsed once their comments are stripped. */
function examples(): { shape: ShapeName; record: Record<string, unknown> }[] {
  const found = [...markdown.matchAll(/^<!-- example: (\w+) -->\n```jsonc\n([\s\S]*?)\n```/gm)];
  expect(found.length, 'a marked example that is not a jsonc block').toBe(markdown.match(/^<!-- example:/gm)?.length);
  return found.map(([, shape = '', body = '']) => {
    expect(Object.keys(SHAPES), `example of an unknown shape ${shape}`).toContain(shape);
    return { shape: shape as ShapeName, record: JSON.parse(stripJsonComments(body)) as Record<string, unknown> };
  });
}

describe('docs/data-format.md: the annotated examples', () => {
  const RECORD_KINDS = {
    Source: 'sources',
    Country: 'countries',
    Actor: 'actors',
    Incident: 'incidents',
    Figure: 'figures',
    Statement: 'statements',
  } as const;

  it('GIVEN the page THEN exactly one example of each kind of record', () => {
    expect(
      examples()
        .map((example) => example.shape)
        .sort(),
    ).toEqual(Object.keys(RECORD_KINDS).sort());
  });

  it.each(examples())(
    'GIVEN the $shape example THEN it parses with the zod schema, every field written',
    ({ shape, record }) => {
      const parsed = SHAPES[shape].safeParse(record);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // Complete: every field of the record's own level is there, the optional ones included.
      // Fields only `npm run import` writes (see the import fixtures) are not part of an article's records.
      const importOnly = ['datasetRecord', 'kind'];
      const topLevel = Object.keys((shapes.get(shape) as { properties?: object }).properties ?? {}).filter(
        (field) => !importOnly.includes(field) || field in record,
      );
      expect(Object.keys(record).sort()).toEqual(topLevel.sort());
    },
  );

  it.each(examples())(
    'GIVEN the $shape example THEN it is the second article fixture record it names',
    ({ shape, record }) => {
      const kind = RECORD_KINDS[shape as keyof typeof RECORD_KINDS];
      const key = shape === 'Country' ? 'code' : 'id';
      const fixture = (secondArticleAdditions()[kind] as Record<string, unknown>[]).find(
        (candidate) => candidate[key] === record[key],
      );
      expect(fixture, `${shape} ${String(record[key])} in tests/fixtures/second-article/additions.json`).toEqual(
        record,
      );
    },
  );
});

describe('docs/dataset.schema.json', () => {
  it('GIVEN the zod schema and the field tables THEN the checked-in JSON Schema is the one they generate', () => {
    const checkedIn: unknown = JSON.parse(readFileSync(JSON_SCHEMA_FILE, 'utf8'));
    expect(checkedIn, REGENERATE).toEqual(datasetJsonSchema(docs));
  });

  it('GIVEN the generated JSON Schema THEN every field has its table row as description', () => {
    const schema = datasetJsonSchema(docs);
    for (const [name, node] of shapeNodes(schema)) {
      for (const field of fieldsOf(node).values()) {
        for (const fieldNode of field.nodes) expect(fieldNode.description, `${name} ${field.path}`).toBeTruthy();
      }
    }
  });

  it('GIVEN the README THEN it links the format reference', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('](docs/data-format.md)');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  ActorSchema,
  CoordinatesSchema,
  CountrySchema,
  DatasetFileSchema,
  FigureSchema,
  IncidentSchema,
  LocalTextSchema,
  QuoteSchema,
  SourceSchema,
  SpeakerSchema,
  StatementSchema,
} from '../dataset/schema.js';
import { runsCompiled } from '../dataset/threadModule.js';
import { type DocTables, parseDocTables, plainText } from './docTables.js';
import { fieldsOf, type SchemaNode } from './schemaFields.js';

// Compiled, this module is one folder deeper, in dist/src/schemaDoc.
const ROOT = path.resolve(import.meta.dirname, runsCompiled(import.meta.url) ? '../../..' : '../..');
/** The data format reference, whose field tables describe every shape below. */
export const FORMAT_DOC = path.join(ROOT, 'docs/data-format.md');
/** The JSON Schema editors validate `dataset.json` with (its `$schema` key points here). */
export const JSON_SCHEMA_FILE = path.join(ROOT, 'docs/dataset.schema.json');

/**
 * The shapes the JSON Schema names (in `$defs`; `Dataset` is the file itself) and the format reference documents,
 * a field table each. A shape of the zod schema that is not named here is documented inside the one that holds it.
 */
export const SHAPES = {
  Dataset: DatasetFileSchema,
  Source: SourceSchema,
  Country: CountrySchema,
  Actor: ActorSchema,
  Incident: IncidentSchema,
  Figure: FigureSchema,
  Statement: StatementSchema,
  Quote: QuoteSchema,
  Speaker: SpeakerSchema,
  LocalText: LocalTextSchema,
  Coordinates: CoordinatesSchema,
} as const;
export type ShapeName = keyof typeof SHAPES;

/** The JSON Schema of `dataset.json` as zod gives it, before any description: what the doc tables are checked on. */
export function bareJsonSchema(): SchemaNode {
  const names = z.registry<{ id: string }>();
  for (const [name, shape] of Object.entries(SHAPES)) if (name !== 'Dataset') names.add(shape, { id: name });
  // "input": the file as written, where a field with a default may be left out.
  const generated = z.toJSONSchema(DatasetFileSchema, { io: 'input', metadata: names, unrepresentable: 'throw' });
  // A fresh tree: a description set on one node must not land on another that zod happened to share.
  return JSON.parse(JSON.stringify(generated)) as SchemaNode;
}

/** Each named shape's node in a JSON Schema made by `bareJsonSchema`. */
export function shapeNodes(schema: SchemaNode): Map<ShapeName, SchemaNode> {
  const nodes = new Map<ShapeName, SchemaNode>();
  for (const name of Object.keys(SHAPES) as ShapeName[]) {
    const node = name === 'Dataset' ? schema : schema.$defs?.[name];
    if (node) nodes.set(name, node);
  }
  return nodes;
}

/**
 * The JSON Schema of `dataset.json`, each field described with the meaning its row in the format reference gives.
 * It checks what a schema can (shapes, enums, patterns); the loader checks the rest (calendar dates, references,
 * verbatim quotes).
 */
export function datasetJsonSchema(docs: DocTables = parseDocTables(readFileSync(FORMAT_DOC, 'utf8'))): SchemaNode {
  const schema = bareJsonSchema();
  for (const [name, node] of shapeNodes(schema)) {
    const rows = new Map((docs.fields.get(name) ?? []).map((row) => [row.path, row]));
    for (const field of fieldsOf(node).values()) {
      const row = rows.get(field.path);
      if (row) for (const fieldNode of field.nodes) fieldNode.description = plainText(row.meaning);
    }
  }
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'dataset.json of the Sahel attack-report bot',
    description:
      'Sources, countries, actors, incidents, figures and statements (docs/data-format.md). The loader also ' +
      'checks what a JSON Schema cannot: dates of the calendar, ids and references, quotes verbatim in their source.',
    ...rest,
  };
}

/** The file's text as `npm run schema` writes it. */
export function jsonSchemaText(schema: SchemaNode = datasetJsonSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

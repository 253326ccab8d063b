/**
 * The machine-readable tables of docs/data-format.md. A table is marked by an HTML comment on the line before it,
 * invisible on the rendered page:
 *   <!-- fields: Incident -->          a row per field of the shape: `path` | type | required | meaning
 *   <!-- values: Incident target -->   a row per value of the field: `value` | meaning
 * The tests compare them with the zod schema, and the JSON Schema takes its descriptions from them.
 */

export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: string;
  readonly meaning: string;
}

export interface ValueRow {
  readonly value: string;
  readonly meaning: string;
}

export interface DocTables {
  /** Field rows by shape name ("Incident"). */
  readonly fields: ReadonlyMap<string, readonly FieldRow[]>;
  /** Value rows by shape name and field path ("Incident target"). */
  readonly values: ReadonlyMap<string, readonly ValueRow[]>;
}

const MARKER = /^<!--\s*(fields|values):\s*([^\s]+)(?:\s+([^\s]+))?\s*-->\s*$/;

/** The cells of a table row; a `|` inside a cell must be written `\|`. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/** The one `code` span a first cell holds: the field path or the value. */
function codeOf(cell: string, line: string): string {
  const match = cell.match(/^`([^`]+)`$/);
  if (!match?.[1]) throw new Error(`a marked table's first cell must be one \`code\` span: ${line}`);
  return match[1];
}

export function parseDocTables(markdown: string): DocTables {
  const fields = new Map<string, FieldRow[]>();
  const values = new Map<string, ValueRow[]>();
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    const marker = line.match(MARKER);
    if (!marker) continue;
    const [, kind, shape = '', path] = marker;
    // The header row and the separator row come first.
    const rows: string[] = [];
    for (let next = index + 3; lines[next]?.trimStart().startsWith('|'); next++) rows.push(lines[next] as string);
    if (kind === 'fields') {
      if (fields.has(shape)) throw new Error(`two field tables for ${shape}`);
      fields.set(
        shape,
        rows.map((row) => {
          const [path = '', type = '', required = '', meaning = ''] = cellsOf(row);
          return { path: codeOf(path, row), type, required, meaning };
        }),
      );
    } else {
      const key = `${shape} ${path ?? ''}`;
      if (values.has(key)) throw new Error(`two value tables for ${key}`);
      values.set(
        key,
        rows.map((row) => {
          const [value = '', meaning = ''] = cellsOf(row);
          return { value: codeOf(value, row), meaning };
        }),
      );
    }
  }
  return { fields, values };
}

/** A table cell as plain text for an editor's tooltip: no code spans, emphasis or link targets. */
export function plainText(cell: string): string {
  return cell
    .replaceAll('`', '')
    .replaceAll('**', '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
}

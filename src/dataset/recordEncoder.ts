import type { z } from 'zod';
import { JsonObjectSplitter } from './jsonFields.js';
import { RECORD_FILES, type RecordKind } from './recordFiles.js';

/** A problem on a line numbered within its range (0: the file as a whole): only the loader knows where it starts. */
export interface RangeProblem {
  line: number;
  record?: string;
  path: string;
  reason: string;
}

/**
 * The valid records of a range. A field many records repeat comes as codes into the dictionary of the thread that
 * encoded the range, which sends each distinct value once, as JSON, in the first range that holds it; a field
 * records seldom share comes as JSON a record, parsed only when the record is read. Equal values cross between
 * threads once, and the receiving thread parses a few texts a range, not one a record.
 */
export interface EncodedRange {
  /** Lines the range holds, blank and invalid ones too. */
  lines: number;
  /** The line each record came from, numbered within the range from 1. */
  lineNumbers: Int32Array<ArrayBuffer>;
  ids: string[];
  /** For each repeated field, a code a record: its value's place in the dictionary, -1 when the record leaves it out. */
  codes: Record<string, Int32Array<ArrayBuffer>>;
  /** For each unique field, the records' values as JSON, one after the other ('' where a record leaves it out). */
  uniqueValues: Record<string, UniqueTexts>;
  /** Values first seen in this range, as JSON: the dictionary's next entries, in order. */
  newValues: string[];
  problems: RangeProblem[];
  /** sha256 of the range's lines. */
  digest: string;
}

/**
 * Values as JSON, one after the other in one text, and where each ends. One text a range, not one a record: the
 * garbage collector moves each of its small objects while they are young, and during a refresh that took it
 * 40 to 80 ms at a time.
 */
export interface UniqueTexts {
  readonly text: string;
  readonly ends: Int32Array<ArrayBuffer>;
}

/** The distinct repeated values one thread has seen, as JSON, each with its code: kept from one range to the next. */
export type ValueDictionary = Map<string, number>;

/**
 * Encodes valid records one at a time into an `EncodedRange`.
 * @param dictionary the encoding thread's: ranges must reach the decoder in the order they were encoded
 * @param capacity how many records may come at most: columns are made that long at once, as arrays grown record by
 * record took a fifth of a load's page faults (measured at 1M incidents)
 */
export function recordEncoder(kind: RecordKind, dictionary: ValueDictionary, capacity: number) {
  const { schema, unique } = RECORD_FILES[kind];
  const fieldNames = Object.keys(schema.shape);
  const uniqueNames: readonly string[] = unique;
  const codedNames = fieldNames.filter((name) => name !== 'id' && !uniqueNames.includes(name));
  let count = 0;
  const lineNumbers = new Int32Array(capacity);
  const ids = new Array<string>(capacity);
  const codes = codedNames.map(() => new Int32Array(capacity));
  const uniqueValues = uniqueNames.map(() => new Array<string>(capacity));
  const newValues: string[] = [];
  const codeOf = (value: unknown) => {
    if (value === undefined) return -1;
    const json = JSON.stringify(value);
    let code = dictionary.get(json);
    if (code === undefined) {
      code = dictionary.size;
      dictionary.set(json, code);
      newValues.push(json);
    }
    return code;
  };
  const push = (line: number, id: string, recordCodes: readonly number[], recordTexts: readonly string[]) => {
    lineNumbers[count] = line;
    ids[count] = id;
    for (const [index, code] of recordCodes.entries()) (codes[index] as Int32Array)[count] = code;
    for (const [index, text] of recordTexts.entries()) (uniqueValues[index] as string[])[count] = text;
    count += 1;
  };

  // What `addText` needs: each field's schema, and the code of each text of a repeated value already validated.
  const shape: Record<string, z.ZodType> = schema.shape;
  const fieldSchema = (name: string) => shape[name] as z.ZodType;
  /** The field's value from its JSON text (undefined: left out), validated; NOT_VALID when it is not. */
  const validated = (name: string, text: string | undefined): unknown => {
    let value: unknown;
    try {
      value = text === undefined ? undefined : JSON.parse(text);
    } catch {
      return NOT_VALID;
    }
    const parsed = fieldSchema(name).safeParse(value);
    return parsed.success ? parsed.data : NOT_VALID;
  };
  const splitter = new JsonObjectSplitter(fieldNames);
  const idPlace = fieldNames.indexOf('id');
  const codedPlaces = codedNames.map((name) => fieldNames.indexOf(name));
  const uniquePlaces = uniqueNames.map((name) => fieldNames.indexOf(name));
  const codeOfText = codedNames.map(() => new Map<string, number>());
  /** A unique field's value as the JSON a table keeps ('' for none), from its JSON text, validated. */
  const jsonOf = (name: string, text: string | undefined): string | typeof NOT_VALID => {
    const value = validated(name, text);
    return value === NOT_VALID ? NOT_VALID : (JSON.stringify(value) ?? '');
  };
  /** Worked out once: most records leave out the same unique fields (a note, say). */
  const jsonWhenLeftOut = uniqueNames.map((name) => jsonOf(name, undefined));
  const texts: (string | undefined)[] = fieldNames.map(() => undefined);
  const recordCodes = codedNames.map(() => -1);
  const recordTexts = uniqueNames.map(() => '');
  return {
    add(record: Record<string, unknown>, line: number): void {
      push(
        line,
        record.id as string,
        codedNames.map((name) => codeOf(record[name])),
        uniqueNames.map((name) => JSON.stringify(record[name]) ?? ''),
      );
    },

    /**
     * Adds the record a line of JSON holds if it is valid, field by field: a repeated value's text is parsed and
     * validated the first time it comes, and only looked up after (most of a load's work, before, was parsing).
     * @returns false when the line is not plainly a valid record: whole-record validation then says why
     */
    addText(text: string, line: number): boolean {
      if (!splitter.split(text, texts)) return false;
      const idText = texts[idPlace];
      const plainId = idText?.startsWith('"') === true && !idText.includes('\\');
      const id = plainId ? idText.slice(1, -1) : validated('id', idText);
      if (typeof id !== 'string' || !fieldSchema('id').safeParse(id).success) return false;
      for (const [index, name] of codedNames.entries()) {
        const valueText = texts[codedPlaces[index] as number];
        const byText = codeOfText[index] as Map<string, number>;
        // '' is no JSON text: it stands for the field left out.
        let code = byText.get(valueText ?? '');
        if (code === undefined) {
          const value = validated(name, valueText);
          if (value === NOT_VALID) return false;
          code = codeOf(value);
          byText.set(valueText ?? '', code);
        }
        recordCodes[index] = code;
      }
      for (const [index, name] of uniqueNames.entries()) {
        const valueText = texts[uniquePlaces[index] as number];
        const json = valueText === undefined ? jsonWhenLeftOut[index] : jsonOf(name, valueText);
        if (json === undefined || json === NOT_VALID) return false;
        recordTexts[index] = json;
      }
      push(line, id, recordCodes, recordTexts);
      return true;
    },

    finish(lines: number, problems: RangeProblem[], digest: string): EncodedRange {
      return {
        lines,
        lineNumbers: lineNumbers.subarray(0, count),
        ids: ids.slice(0, count),
        codes: Object.fromEntries(
          codedNames.map((name, index) => [name, (codes[index] as Int32Array<ArrayBuffer>).subarray(0, count)]),
        ),
        uniqueValues: Object.fromEntries(
          uniqueNames.map((name, index) => [name, joinedTexts((uniqueValues[index] as string[]).slice(0, count))]),
        ),
        newValues,
        problems,
        digest,
      };
    },
  };
}

const NOT_VALID = Symbol('not valid');

function joinedTexts(texts: readonly string[]): UniqueTexts {
  const ends = new Int32Array(texts.length);
  let end = 0;
  for (const [index, text] of texts.entries()) {
    end += text.length;
    ends[index] = end;
  }
  return { text: texts.join(''), ends };
}

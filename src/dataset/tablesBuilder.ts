import { CHUNK_SIZE, pause } from './chunked.js';
import type { DatasetRecords } from './dataset.js';
import { PartList } from './partList.js';
import { type EncodedRange, recordEncoder, type UniqueTexts, type ValueDictionary } from './recordEncoder.js';
import { RECORD_FILES, RECORD_KINDS, type RecordKind } from './recordFiles.js';
import { RecordTable, type StoredField } from './recordTable.js';
import type { DatasetFile, Figure, Incident, Statement } from './schema.js';
import { ShardedMap } from './shardedMap.js';

/** Tells records encoded by `addRecords` from those of `.jsonl` ranges, whose encoders count from 0. */
const IN_THIS_THREAD = -1;

/** A dataset file's records, in tables. */
export function recordsOf(data: DatasetFile): DatasetRecords {
  const tables = new TablesBuilder();
  tables.addRecords(data);
  return tables.finish(data);
}

/** A kind's ranges as they came: a table keeps them so. */
interface Parts {
  readonly ids: PartList<string>;
  readonly codes: Map<string, Int32Array[]>;
  readonly uniqueTexts: Map<string, UniqueTexts[]>;
}

/**
 * Puts encoded ranges together, a table a kind of record. Each encoding thread numbers the values it sees its own
 * way; here each distinct value gets one code and one copy for every table of the dataset.
 */
export class TablesBuilder {
  private readonly sharedValues: unknown[] = [];
  private readonly codeOfValue = new ShardedMap<number>();
  /** For each encoding thread, the shared code of each code in its dictionary. */
  private readonly sharedCodesByEncoder = new Map<number, number[]>();
  private readonly parts = Object.fromEntries(
    RECORD_KINDS.map((kind): [RecordKind, Parts] => [
      kind,
      { ids: new PartList(), codes: new Map(), uniqueTexts: new Map() },
    ]),
  ) as Record<RecordKind, Parts>;

  /**
   * Gives the values a range brings first their shared codes, pausing every few thousand: the first range of a
   * thread brings thousands, and all at once they held the event loop 40 to 60 ms during a refresh.
   * Ranges an encoder made must come in the order it made them, each shared before it is added.
   */
  async share(encoded: EncodedRange, encoder: number): Promise<void> {
    const sharedCodes = this.sharedCodesOf(encoder);
    for (const [index, json] of encoded.newValues.entries()) {
      sharedCodes.push(this.shareValue(json));
      if (index % CHUNK_SIZE === CHUNK_SIZE - 1) await pause();
    }
  }

  /** Adds a range whose values `share` has shared. */
  add(kind: RecordKind, encoded: EncodedRange, encoder: number): void {
    const sharedCodes = this.sharedCodesOf(encoder);
    const parts = this.parts[kind];
    parts.ids.push(encoded.ids);
    for (const [name, codes] of Object.entries(encoded.codes)) {
      for (let row = 0; row < codes.length; row++) {
        const code = codes[row] as number;
        if (code !== -1) codes[row] = sharedCodes[code] as number;
      }
      appendPart(parts.codes, name, codes);
    }
    for (const [name, texts] of Object.entries(encoded.uniqueValues)) appendPart(parts.uniqueTexts, name, texts);
  }

  /** Records already validated (those of `dataset.json`), encoded on this thread. */
  addRecords(data: Pick<DatasetFile, RecordKind>): void {
    const dictionary: ValueDictionary = new Map();
    for (const kind of RECORD_KINDS) {
      const encoder = recordEncoder(kind, dictionary, data[kind].length);
      for (const [index, record] of data[kind].entries()) encoder.add(record, index + 1);
      const encoded = encoder.finish(data[kind].length, [], '');
      const sharedCodes = this.sharedCodesOf(IN_THIS_THREAD);
      for (const json of encoded.newValues) sharedCodes.push(this.shareValue(json));
      this.add(kind, encoded, IN_THIS_THREAD);
    }
  }

  /** The dataset's records: `head` (sources, countries, actors) as it is, and a table for each kind of record. */
  finish(head: Pick<DatasetFile, 'sources' | 'countries' | 'actors'>): DatasetRecords {
    const table = (kind: RecordKind) => {
      const parts = this.parts[kind];
      const fields = Object.keys(RECORD_FILES[kind].schema.shape).map((name): StoredField => {
        if (name === 'id') return { name, stored: 'id' };
        const uniqueTexts = parts.uniqueTexts.get(name);
        if (uniqueTexts) return { name, stored: 'unique', parts: uniqueTexts };
        return { name, stored: 'coded', parts: parts.codes.get(name) ?? [] };
      });
      return new RecordTable(parts.ids, fields, this.sharedValues);
    };
    return {
      sources: head.sources,
      countries: head.countries,
      actors: head.actors,
      incidents: table('incidents') as RecordTable<Incident>,
      figures: table('figures') as RecordTable<Figure>,
      statements: table('statements') as RecordTable<Statement>,
    };
  }

  private sharedCodesOf(encoder: number): number[] {
    let sharedCodes = this.sharedCodesByEncoder.get(encoder);
    if (!sharedCodes) {
      sharedCodes = [];
      this.sharedCodesByEncoder.set(encoder, sharedCodes);
    }
    return sharedCodes;
  }

  private shareValue(json: string): number {
    let code = this.codeOfValue.get(json);
    if (code === undefined) {
      code = this.sharedValues.push(JSON.parse(json)) - 1;
      this.codeOfValue.set(json, code);
    }
    return code;
  }
}

function appendPart<T>(parts: Map<string, T[]>, name: string, part: T): void {
  const list = parts.get(name);
  if (list) list.push(part);
  else parts.set(name, [part]);
}

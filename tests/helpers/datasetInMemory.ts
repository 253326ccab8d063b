import BetterSqlite3 from 'better-sqlite3';
import { TollBuilder } from '../../src/answers/tollBuilder.js';
import type { Dataset, DatasetRecords } from '../../src/dataset/dataset.js';
import { incidentRow } from '../../src/dataset/incidentRow.js';
import { IndexWriter } from '../../src/dataset/indexWriter.js';
import { openDataset } from '../../src/dataset/repository.js';

/** A dataset held in memory, written as an import writes an index file, without the checks: for small test data. */
export function datasetInMemory(records: DatasetRecords, version: string): Dataset {
  const db = new BetterSqlite3(':memory:');
  db.transaction(() => {
    const writer = new IndexWriter(db, records);
    const rowOf = new Map<string, number>();
    const tolls = new TollBuilder(rowOf);
    const sortKeys = new Map<string, string>();
    for (const [index, incident] of records.incidents.entries()) {
      if (!rowOf.has(incident.id)) rowOf.set(incident.id, index);
      const row = incidentRow(incident, JSON.stringify(incident), sortKeys);
      writer.incident(row);
      tolls.incident(row);
    }
    for (const figure of records.figures) {
      writer.figure(figure);
      tolls.figure(figure);
    }
    for (const statement of records.statements) {
      writer.statement(statement);
      tolls.statement(statement);
    }
    writer.finish({ version });
    for (const row of tolls.rows(openDataset(db, undefined))) writer.toll(row);
  })();
  return openDataset(db, undefined);
}

import BetterSqlite3 from 'better-sqlite3';
import { TollBuilder } from '../../src/answers/tollBuilder.js';
import type { Dataset, DatasetRecords } from '../../src/dataset/dataset.js';
import { IndexWriter } from '../../src/dataset/indexWriter.js';
import { openDataset } from '../../src/dataset/repository.js';

/** A dataset held in memory, written as an import writes an index file, without the checks: for small test data. */
export function datasetInMemory(records: DatasetRecords, version: string): Dataset {
  const db = new BetterSqlite3(':memory:');
  db.transaction(() => {
    const writer = new IndexWriter(db, records);
    const tolls = new TollBuilder();
    for (const incident of records.incidents) {
      writer.incident(incident);
      tolls.incident(incident);
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

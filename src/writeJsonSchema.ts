import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_FILE, jsonSchemaText } from './schemaDoc/datasetJsonSchema.js';

/**
 * `npm run schema`: writes docs/dataset.schema.json from the zod schema and the format reference's field tables.
 * Run it after changing either; a test fails while the checked-in file differs.
 */
writeFileSync(JSON_SCHEMA_FILE, jsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), JSON_SCHEMA_FILE)}\n`);

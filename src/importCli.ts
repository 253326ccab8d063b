import path from 'node:path';
import { ignoreClosedPipe } from './console/quietStdout.js';
import { ImportError } from './import/csvRows.js';
import { formatImportReport, IMPORT_KINDS, type ImportKind, importExport } from './import/importFile.js';

/** `npm run import -- acled|ucdp FILE.csv [--out DIR]`: an export into a data folder, with a report of every row. */
async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? args[outAt + 1] : undefined;
  const rest = outAt >= 0 ? args.filter((_, index) => index !== outAt && index !== outAt + 1) : args;
  const [kind, file] = rest;
  if (!IMPORT_KINDS.includes(kind as ImportKind) || file === undefined || (outAt >= 0 && !outDir)) {
    process.stderr.write(`${'usage: npm run import -- acled|ucdp FILE.csv [--out DIR]'}\n`);
    return 2;
  }
  const out = outDir ?? path.join('imported', `${kind}-${path.basename(file, path.extname(file))}`);
  try {
    const report = await importExport(kind as ImportKind, file, out, path.basename(file));
    process.stdout.write(`${formatImportReport(report, out)}\n`);
    process.stdout.write(`${`check it with: npm run validate -- ${out}`}\n`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ImportError || code === 'ENOENT' || (error as { code?: string }).code?.startsWith('CSV_')) {
      process.stderr.write(`${`cannot import ${file}: ${(error as Error).message}`}\n`);
      return 1;
    }
    throw error;
  }
}

ignoreClosedPipe();
process.exitCode = await main(process.argv.slice(2));

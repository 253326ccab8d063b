// A worker thread runs JavaScript: this loads the TypeScript validation through tsx, as `npm start` does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./validateThread.ts', import.meta.url);

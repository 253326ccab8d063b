// A worker thread runs JavaScript: this loads the TypeScript import through tsx, as `npm start` does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./importThread.ts', import.meta.url);

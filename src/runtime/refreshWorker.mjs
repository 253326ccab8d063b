// A worker thread runs JavaScript: this loads the TypeScript task through tsx, as `npm start` does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./refreshThread.ts', import.meta.url);

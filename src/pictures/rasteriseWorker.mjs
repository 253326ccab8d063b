// A worker thread runs JavaScript: under TypeScript (tests, tsx) this loads the thread through tsx. Compiled, the
// thread starts on rasteriseThread.js itself (src/dataset/threadModule.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./rasteriseThread.ts', import.meta.url);

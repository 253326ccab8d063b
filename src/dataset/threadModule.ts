/** Whether the module at `moduleUrl` (its `import.meta.url`) runs compiled, from `dist/`, rather than as TypeScript. */
export function runsCompiled(moduleUrl: string): boolean {
  return moduleUrl.endsWith('.js');
}

/**
 * The module a worker thread starts on, for the thread `name` beside the module at `moduleUrl`: compiled, the
 * thread's own module `<name>Thread.js`, with no TypeScript loader at all; as TypeScript (tests, tsx), the shim
 * `<name>Worker.mjs` that loads `<name>Thread.ts` through tsx, since vitest's transform does not reach a thread.
 */
export function threadModule(name: string, moduleUrl: string): URL {
  return new URL(runsCompiled(moduleUrl) ? `./${name}Thread.js` : `./${name}Worker.mjs`, moduleUrl);
}

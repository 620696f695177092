// The "shared" vitest project runs many test files one after another in one process (isolate: false),
// which saves loading node_modules and Prisma's client for every file. Between files the app's own
// modules are forgotten, so each file gets fresh module state (caches, counters) as it would in a
// process of its own.
//
// A few modules stay loaded: lib/env.ts and lib/db.ts, so that code a finished file left running
// (a sweep's timer, a worker loop) and the next file's code read one environment and share one set
// of database clients, which test/setup-db.ts closes between files (a second copy of lib/env.ts
// would keep the last file's DATABASE_URL and could open clients on a dropped database); and the
// generated Prisma client, which holds no state and is the single largest module to load.

/** Set by vitest.config.ts for the shared project's processes. */
export const SHARED_PROCESS = process.env.BOLT_TEST_SHARED_PROCESS === "1";

const KEEP = [
  // Vitest's own modules (as vi.resetModules keeps them).
  /\/vitest\/dist\//,
  /vitest-virtual-\w+\/dist/,
  /@vitest\/dist/,
  /\/lib\/env\.ts$/,
  /\/lib\/db\.ts$/,
  /\/lib\/generated\/prisma\//,
];

type ModuleNode = { promise?: unknown; exports?: unknown; evaluated: boolean; importers: Set<string> };
type WorkerState = { evaluatedModules: { idToModuleMap: Map<string, ModuleNode> } };

/**
 * Vitest's vi.resetModules, keeping the modules above: the next import of any other module
 * evaluates it afresh. node_modules loaded natively stay in Node's own cache either way.
 */
export function forgetModulesOfLastFile(): void {
  const state = (globalThis as { __vitest_worker__?: WorkerState }).__vitest_worker__;
  if (!state) throw new Error("forgetModulesOfLastFile: not in a vitest worker");
  state.evaluatedModules.idToModuleMap.forEach((node, id) => {
    if (KEEP.some((re) => re.test(id))) return;
    node.promise = undefined;
    node.exports = undefined;
    node.evaluated = false;
    node.importers.clear();
  });
}

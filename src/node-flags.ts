/**
 * The V8 heap flag the gateway runs with, wherever it is started (README: Heap flags). With
 * Node's defaults the young generation grows to 32 MiB per semi-space: the in-flight requests of
 * 50 busy clients then peaked at ~1.2x bare graphql-yoga's RSS. Half that keeps the peak under
 * bare Yoga's at no measurable CPU cost; `--heap-growing-percent=30` (which this used to add)
 * kept it lower still but cost ~40 % more CPU per dashboard in major collections
 * (`npm run bench`, memory rows).
 *
 * The container passes it on its command line; `npm start` too; `node dist/main.js` without it
 * re-executes itself with it at once (`process.execve`: same PID, before any of the gateway's
 * code runs). Passing a heap flag yourself (either name below), on the command line or in
 * NODE_OPTIONS, means you chose the heap settings: nothing is changed.
 * `--heap-growing-percent=0` is V8's own default and runs the gateway with Node's defaults.
 *
 * No imports and no side effects: the build turns RELAUNCH into the first statement of
 * dist/main.js.
 */
export const NODE_FLAGS = ['--max-semi-space-size=16'] as const;

/** Flags that, when already given, mean the operator chose the heap settings. */
export const HEAP_FLAG_NAMES = ['--max-semi-space-size', '--heap-growing-percent'] as const;

/** JavaScript run first in dist/main.js (esbuild banner). */
export const RELAUNCH = `{const given=[...process.execArgv,...(process.env.NODE_OPTIONS??'').split(/\\s+/)];if(typeof process.execve==='function'&&!given.some((a)=>${JSON.stringify(HEAP_FLAG_NAMES)}.some((n)=>a.startsWith(n))))process.execve(process.execPath,[process.execPath,...${JSON.stringify(NODE_FLAGS)},...process.execArgv,...process.argv.slice(1)]);}`;

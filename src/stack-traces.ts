/**
 * Logged stack traces in terms of src/, for the bundle. `node --enable-source-maps` would do it
 * for every error, but it parses every map at start-up: +150 ms CPU and +50 MiB RSS for
 * dist/main.js. Here a map is read only when a stack from a file that has one is first logged;
 * under tsx (development) frames already point at the .ts files and nothing is read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map<string, SourceMap | null>();
/** `file:///…/x.js:line:column` (ESM frames); only .js files can have a `.js.map` beside them. */
const FRAME = /(file:\/\/[^\s()]+?\.js):(\d+):(\d+)/g;

function mapOf(url: string): SourceMap | null {
  let map = maps.get(url);
  if (map !== undefined) return map;
  map = null;
  try {
    const file = `${fileURLToPath(url)}.map`;
    if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // An unreadable map leaves the frame as it is.
  }
  maps.set(url, map);
  return map;
}

/** Rewrites the frames of `stack` that a source map covers to their original file:line:column. */
export function mapStack(stack: string): string {
  return stack.replace(FRAME, (frame, url: string, line: string, column: string) => {
    const entry = mapOf(url)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return frame;
    // Sources are relative to the map (`../src/hms/client.ts`): print them as paths from the root.
    const source = fileURLToPath(new URL(entry.originalSource, url));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

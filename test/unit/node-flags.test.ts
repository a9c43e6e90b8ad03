/**
 * The heap flags are one list (src/node-flags.ts) applied wherever the gateway starts: the
 * container's command line, `npm start`, and `node dist/main.js` (which re-executes itself).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, RELAUNCH } from '../../src/node-flags.js';

const root = new URL('../../', import.meta.url);

describe('node flags', () => {
  it('the Dockerfile CMD and npm start pass the same flags', () => {
    const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...NODE_FLAGS, 'dist/main.js']);
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(`node ${NODE_FLAGS.join(' ')} --import tsx src/main.ts`);
  });

  it('re-executes a process started without them, and leaves chosen heap settings alone', () => {
    const script = `${RELAUNCH}\nprocess.stdout.write(JSON.stringify(process.execArgv));`;
    const run = (args: string[], env: Record<string, string> = {}) => {
      const out = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], {
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        encoding: 'utf8',
      });
      return JSON.parse(out.stdout) as string[];
    };
    expect(run([])).toEqual(expect.arrayContaining([...NODE_FLAGS]));
    expect(run(['--heap-growing-percent=0'])).not.toContain(NODE_FLAGS[0]);
    expect(run([], { NODE_OPTIONS: '--max-semi-space-size=32' })).not.toContain(NODE_FLAGS[0]);
  });
});

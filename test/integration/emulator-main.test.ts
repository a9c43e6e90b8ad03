/**
 * `npm run emulator` as a child process: flags, usage on unknown flags (exit 2), and a run that
 * listens where --port says and serves the API.
 */
import { describe, expect, it } from 'vitest';
import { runScript, startScript } from '../helpers/processes.js';

const MAIN = 'src/emulator/main.ts';

describe('npm run emulator', () => {
  it('prints usage and exits 2 on an unknown flag, a stray argument or a bad value', async () => {
    for (const args of [['--bogus'], ['extra'], ['--port', 'eighty'], ['--seed', '1.5']]) {
      const run = await runScript(MAIN, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Usage: npm run emulator/);
      expect(run.stdout).toBe('');
    }
  });

  it('prints usage and exits 0 with --help', async () => {
    const run = await runScript(MAIN, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run emulator/);
    expect(run.stdout).toMatch(/--port/);
  });

  it('listens on the --port and --seed it is given', async () => {
    const running = await startScript(MAIN, ['--port', '0', '--seed', '7'], {
      ready: /base URL:\s+(http:\/\/127\.0\.0\.1:\d+)\/v2/,
    });
    try {
      const origin = running.match[1] as string;
      const stats = await fetch(`${origin}/__emulator/stats`);
      expect(stats.status).toBe(200);
      expect(await stats.json()).toMatchObject({ total: 0 });
    } finally {
      await running.stop();
    }
  });
});

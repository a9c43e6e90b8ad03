/**
 * `npm run emulator` as a child process: flags, usage on unknown flags (exit 2), and a run that
 * listens where --port says and serves the API.
 */
import { describe, expect, it } from 'vitest';
import { spawnScript, startScript } from '../helpers/processes.js';

const MAIN = 'src/emulator/main.ts';

/** Runs the entry point to its end, keeping stdout and stderr apart. */
async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawnScript(MAIN, args);
  let stdout = '';
  let stderr = '';
  proc.child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  proc.child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  try {
    return { code: await proc.exited, stdout, stderr };
  } finally {
    await proc.stop();
  }
}

describe('npm run emulator', () => {
  it('prints usage and exits 2 on an unknown flag, a stray argument or a bad value', async () => {
    for (const args of [['--bogus'], ['extra'], ['--port', 'eighty'], ['--seed', '1.5']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Usage: npm run emulator/);
      expect(result.stdout).toBe('');
    }
  });

  it('prints usage and exits 0 with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run emulator/);
    expect(result.stdout).toMatch(/--port/);
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

/** `npm run dashboard` refuses flags it does not know with its usage, not a stack trace. */
import { describe, expect, it } from 'vitest';
import { spawnScript } from '../helpers/processes.js';

describe('npm run dashboard', () => {
  it('names an unknown flag, suggests the near one, prints usage and exits 2', async () => {
    const proc = spawnScript('examples/dashboard/serve.ts', ['--gateway', '4222'], { cleanEnv: true });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain("Unknown option '--gateway' (did you mean --gateway-port?)");
    expect(proc.output()).toContain('usage: npm run dashboard');
    expect(proc.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses a stray argument the same way', async () => {
    const proc = spawnScript('examples/dashboard/serve.ts', ['4222'], { cleanEnv: true });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain("Unexpected argument '4222'");
    expect(proc.output()).toContain('usage: npm run dashboard');
  });
});

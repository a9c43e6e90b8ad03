/**
 * `npm run docs:screenshot`: refreshes README's picture (docs/dashboard.png) from the browser
 * test's screenshot of the dashboard. The browser tests themselves only write test/artifacts/
 * (git-ignored), so `npm run test:e2e` leaves the tree clean; this is the deliberate update.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOT = fileURLToPath(new URL('../test/artifacts/dashboard-room.png', import.meta.url));
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', 'test/e2e/dashboard.e2e.ts'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (run.status !== 0) {
  process.stderr.write(
    'docs:screenshot: the dashboard browser test failed; docs/dashboard.png is unchanged\n',
  );
  process.exit(run.status ?? 1);
}
mkdirSync(DOCS, { recursive: true });
copyFileSync(SHOT, `${DOCS}dashboard.png`);
process.stdout.write('docs:screenshot: docs/dashboard.png updated from test/artifacts/dashboard-room.png\n');

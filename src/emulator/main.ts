/**
 * `npm run emulator`: the 100ms API emulator on its own, for poking with curl or pointing a
 * local gateway at (HMS_API_URL). An entry point, so it may read the environment.
 */
import { createEmulator, DEMO_CREDENTIALS, SEED_ROOMS } from './index.js';

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`PORT must be an integer between 0 and 65535, got ${process.env.PORT}\n`);
  process.exit(1);
}
const seed = process.env.EMULATOR_SEED === undefined ? 1 : Number(process.env.EMULATOR_SEED);
if (!Number.isSafeInteger(seed)) {
  process.stderr.write(`EMULATOR_SEED must be an integer, got ${process.env.EMULATOR_SEED}\n`);
  process.exit(1);
}

const emulator = await createEmulator({
  ...DEMO_CREDENTIALS,
  seed,
  port,
  host: process.env.HOST ?? '127.0.0.1',
});

process.stdout.write(
  [
    '100ms API emulator listening',
    `  base URL:   ${emulator.url}`,
    `  access key: ${emulator.accessKey}`,
    `  secret:     ${emulator.secret}`,
    `  stats:      ${emulator.origin}/__emulator/stats`,
    `  seed rooms: ${Object.values(SEED_ROOMS).join(', ')}`,
    '',
  ].join('\n'),
);

const shutdown = () => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

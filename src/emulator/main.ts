/**
 * `npm run emulator`: the 100ms API emulator on its own, for poking with curl or pointing a
 * local gateway at (HMS_API_URL). An entry point, so it may read the environment and argv.
 */
import { parseArgs } from 'node:util';
import { createEmulator, DEMO_CREDENTIALS, SEED_ROOMS } from './index.js';

const USAGE = `Usage: npm run emulator [-- options]

Runs the stateful 100ms REST API emulator on 127.0.0.1 with the demo credentials.

Options:
  --port <n>   port to listen on (0 = any free port)   [env PORT, default 4010]
  --host <h>   interface to bind                        [env HOST, default 127.0.0.1]
  --seed <n>   seed of the demo data and ids             [env EMULATOR_SEED, default 1]
  -h, --help   show this help
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let flags: { port?: string; host?: string; seed?: string; help?: boolean };
try {
  ({ values: flags } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const portText = flags.port ?? process.env.PORT ?? '4010';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65_535)
  fail(`port must be an integer between 0 and 65535, got ${portText}`);
const seedText = flags.seed ?? process.env.EMULATOR_SEED ?? '1';
const seed = Number(seedText);
if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed))
  fail(`seed must be an integer, got ${seedText}`);

const emulator = await createEmulator({
  ...DEMO_CREDENTIALS,
  seed,
  port,
  host: flags.host ?? process.env.HOST ?? '127.0.0.1',
});

process.stdout.write(
  [
    '100ms API emulator listening',
    `  base URL:   ${emulator.url}`,
    `  access key: ${emulator.accessKey}`,
    `  secret:     ${emulator.secret}`,
    `  stats:      ${emulator.origin}/__emulator/stats`,
    `  downloads:  ${emulator.origin}/__downloads/ (behind the presigned URLs it hands out)`,
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

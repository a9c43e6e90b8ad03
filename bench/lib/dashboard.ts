/** What `npm run bench` and `npm run bench:profile` both measure: the dashboard of one seed room. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { ROOT } from './proc.js';

export const ROOM = 'product-standup';
export const SESSIONS = 10;
export const DASHBOARD = readFileSync(join(ROOT, 'schema/operations/dashboard.graphql'), 'utf8');
/** The same upstream socket cap for every system, high enough that no one queues for sockets. */
const UPSTREAM_CONCURRENCY = '1024';

/** Environment of every server: the gateway reads it through loadConfig, the baselines directly. */
export function serverEnv(upstreamUrl: string, extra: Record<string, string> = {}) {
  return {
    HMS_ACCESS_KEY: DEMO_CREDENTIALS.accessKey,
    HMS_SECRET: DEMO_CREDENTIALS.secret,
    HMS_API_URL: upstreamUrl,
    HMS_MAX_CONCURRENCY: UPSTREAM_CONCURRENCY,
    GATEWAY_AUTH: 'none',
    // Neither baseline logs per request, so the gateway's per-operation info line is off here.
    LOG_LEVEL: 'warn',
    GATEWAY_SHUTDOWN_GRACE_MS: '0',
    ...extra,
  };
}

/** The room's id, looked up directly upstream (not through a gateway, so every cache starts cold). */
export async function roomIdOf(upstreamUrl: string): Promise<string> {
  const hms = createHmsClient({ ...DEMO_CREDENTIALS, baseUrl: upstreamUrl });
  try {
    const roomId = (await hms.rooms.list({ name: ROOM })).items[0]?.id;
    if (!roomId) throw new Error(`no room ${ROOM} in the emulator`);
    return roomId;
  } finally {
    await hms.close();
  }
}

/**
 * A webhook that makes cache entries stale must not be acknowledged while the shared cache cannot
 * drop them (Redis away or timing out): it answers 503 so 100ms delivers it again, and the retry,
 * once the store is back, drops the entries. A mutation, which has already applied upstream, keeps
 * its answer when the same store fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CacheEntry, type CacheStore, createEntityCache, createMemoryStore } from '../../src/cache.js';
import { createEmulator, DEMO_CREDENTIALS, type Emulator, SEED_ROOMS } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/server.js';
import { envelope, postWebhook } from '../helpers/live.js';

const SECRET = 'webhook-secret-for-tests-0123456789';
const HEADER = { 'x-hms-webhook-secret': SECRET };

/** An in-memory store whose deletes fail while `down` is set, as a Redis command timeout does. */
function flakyStore(): CacheStore & { down: boolean } {
  const inner = createMemoryStore(1000);
  const store = {
    down: false,
    getMany: (keys: string[]) => inner.getMany(keys),
    setMany: (entries: readonly CacheEntry[]) => inner.setMany(entries),
    delete: async (keys: string[]) => {
      if (store.down) throw new Error('Command timed out');
      await inner.delete(keys);
    },
    close: () => inner.close(),
  };
  return store;
}

let emulator: Emulator;
let server: Server;
let url: string;
let gateway: ReturnType<typeof createGateway>;
const store = flakyStore();

beforeAll(async () => {
  emulator = await createEmulator({ ...DEMO_CREDENTIALS });
  const hms = createHmsClient({
    accessKey: emulator.accessKey,
    secret: emulator.secret,
    baseUrl: emulator.url,
  });
  const cache = createEntityCache({ store, workspace: hms.accessKey });
  gateway = createGateway({
    hms,
    logger: createLogger('silent'),
    cache,
    config: { webhookSecret: SECRET },
  });
  server = createServer(gateway.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => server?.close(resolve));
  await emulator?.close();
});

describe('webhooks while the shared cache cannot invalidate', () => {
  it('answer 503 until the stale entries are dropped, then 200 on the retry', async () => {
    const roomId = emulator.state.room(SEED_ROOMS.live)?.id as string;
    await gateway.cache.set('session', 'sess-stale', { id: 'sess-stale' }, 60_000);
    const close = envelope('session.close.success', {
      room_id: roomId,
      session_id: 'sess-stale',
      session_duration: 60,
    });

    store.down = true;
    try {
      const refused = await postWebhook(url, close, HEADER);
      expect(refused.status).toBe(503);
      expect((await gateway.cache.getMany('session', ['sess-stale']))[0]).toBeDefined();
    } finally {
      store.down = false;
    }

    // 100ms delivers the same event (same id) again: it is not taken for a duplicate.
    const retried = await postWebhook(url, close, HEADER);
    expect(retried.status).toBe(200);
    expect((await gateway.cache.getMany('session', ['sess-stale']))[0]).toBeUndefined();
  });
});

/**
 * Baseline 2: the dashboard the way the official 100ms Node SDK's examples build it, as a plain
 * Node HTTP endpoint (`GET /dashboard?roomId=…&sessions=10`): get the room and list its sessions
 * (in parallel), list each session's recordings, then get each recording for its assets, with
 * `Promise.all` wherever an SDK user would use it. Three round trips, 2 + 2×sessions calls.
 *
 * hms-graph's own REST client plays the SDK (see shared.ts); the answer has the same JSON shape
 * and fields as the gateway's dashboard query, so both serialise about the same bytes.
 */
import { createServer } from 'node:http';
import type { BeamJob, Session } from '../../src/hms/types.js';
import {
  assetView,
  createBaselineClient,
  embeddedAssets,
  globalId,
  peersOf,
  peerView,
  readBaselineEnv,
  recordingFields,
  sessionFields,
} from './shared.js';

const env = readBaselineEnv();
const hms = createBaselineClient(env);

async function sessionView(session: Session) {
  const recordings = await hms.recordings.list({ session_id: session.id, limit: 10 });
  const full: BeamJob[] = await Promise.all(recordings.items.map((r) => hms.recordings.get(r.id)));
  return {
    ...sessionFields(session),
    peers: peersOf(session).map(peerView),
    recordings: {
      nodes: full.map((r) => ({ ...recordingFields(r), assets: embeddedAssets(r).map(assetView) })),
    },
  };
}

async function dashboard(roomId: string, first: number) {
  const [room, sessions] = await Promise.all([
    hms.rooms.get(roomId),
    hms.sessions.list({ room_id: roomId, limit: first }),
  ]);
  const nodes = await Promise.all(sessions.items.map(sessionView));
  return {
    data: {
      room: {
        id: globalId('Room', room.id),
        hmsId: room.id,
        name: room.name,
        enabled: room.enabled,
        createdAt: room.created_at,
        sessions: {
          pageInfo: { hasNextPage: sessions.next !== null, endCursor: sessions.items.at(-1)?.id ?? null },
          nodes,
        },
      },
    },
  };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const roomId = url.searchParams.get('roomId');
  if (url.pathname !== '/dashboard' || !roomId) {
    res.writeHead(404).end();
    return;
  }
  dashboard(roomId, Number(url.searchParams.get('sessions') ?? 10)).then(
    (body) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    (error: unknown) => {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: String(error) }));
    },
  );
});
server.listen(env.port, '127.0.0.1');
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));

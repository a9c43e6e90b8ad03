/**
 * Baseline 3: what a team would build instead of hms-graph. Apollo Server 5 (standalone server),
 * a hand-written SDL for the dashboard's types, resolvers that follow the schema, and per-request
 * DataLoaders by id, the textbook N+1 fix. 100ms has no batch endpoints, so a DataLoader batch is
 * N concurrent calls: room → sessions → recordings per session → each recording (for its assets).
 *
 * hms-graph's REST client stands in for whatever client the team would write (see shared.ts).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import DataLoader from 'dataloader';
import { HmsNotFoundError } from '../../src/hms/errors.js';
import type { BeamJob, Recording, Room, Session } from '../../src/hms/types.js';
import {
  assetView,
  createBaselineClient,
  embeddedAssets,
  globalId,
  peersOf,
  peerView,
  readBaselineEnv,
  seconds,
} from './shared.js';

const env = readBaselineEnv();
const hms = createBaselineClient(env);

const typeDefs = /* GraphQL */ `
  type Query {
    room(id: ID!): Room
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type Room {
    id: ID!
    hmsId: String!
    name: String!
    enabled: Boolean!
    createdAt: String!
    sessions(first: Int = 20): SessionConnection!
  }
  type SessionConnection {
    pageInfo: PageInfo!
    nodes: [Session!]!
  }
  type Session {
    id: ID!
    hmsId: String!
    active: Boolean!
    startedAt: String!
    endedAt: String
    durationSeconds: Int
    peerCount: Int!
    peers: [SessionPeer!]!
    recordings(first: Int = 20): RecordingConnection!
  }
  type SessionPeer {
    id: ID!
    peerId: String!
    userId: String
    name: String
    role: String
    joinedAt: String
    leftAt: String
    durationSeconds: Int
  }
  type RecordingConnection {
    nodes: [Recording!]!
  }
  type Recording {
    id: ID!
    hmsId: String!
    status: String!
    startedAt: String
    stoppedAt: String
    assets: [RecordingAsset!]!
  }
  type RecordingAsset {
    id: ID!
    hmsId: String!
    type: String!
    status: String!
    sizeBytes: Float!
    durationSeconds: Int
    createdAt: String!
  }
`;

function createLoaders() {
  return {
    room: new DataLoader<string, Room>((ids) => Promise.all(ids.map((id) => hms.rooms.get(id)))),
    recordingsBySession: new DataLoader<string, Recording[]>((ids) =>
      Promise.all(ids.map(async (id) => (await hms.recordings.list({ session_id: id, limit: 100 })).items)),
    ),
    recording: new DataLoader<string, BeamJob>((ids) => Promise.all(ids.map((id) => hms.recordings.get(id)))),
  };
}

interface Context {
  loaders: ReturnType<typeof createLoaders>;
}

const resolvers = {
  Query: {
    room: async (_: unknown, args: { id: string }, ctx: Context) => {
      try {
        return await ctx.loaders.room.load(args.id);
      } catch (error) {
        if (error instanceof HmsNotFoundError) return null;
        throw error;
      }
    },
  },
  Room: {
    id: (room: Room) => globalId('Room', room.id),
    hmsId: (room: Room) => room.id,
    createdAt: (room: Room) => room.created_at,
    sessions: async (room: Room, args: { first: number }) => {
      const page = await hms.sessions.list({ room_id: room.id, limit: args.first + 1 });
      const nodes = page.items.slice(0, args.first);
      return {
        pageInfo: { hasNextPage: page.items.length > args.first, endCursor: nodes.at(-1)?.id ?? null },
        nodes,
      };
    },
  },
  Session: {
    id: (s: Session) => globalId('Session', s.id),
    hmsId: (s: Session) => s.id,
    startedAt: (s: Session) => s.created_at,
    endedAt: (s: Session) => (s.active ? null : s.updated_at),
    durationSeconds: (s: Session) =>
      seconds(s.created_at, s.active ? new Date().toISOString() : s.updated_at),
    peerCount: (s: Session) => Object.keys(s.peers ?? {}).length,
    peers: (s: Session) => peersOf(s).map(peerView),
    recordings: async (s: Session, args: { first: number }, ctx: Context) => ({
      nodes: (await ctx.loaders.recordingsBySession.load(s.id)).slice(0, args.first),
    }),
  },
  Recording: {
    id: (r: Recording) => globalId('Recording', `${r.id}@${r.session_id}`),
    hmsId: (r: Recording) => r.id,
    status: (r: Recording) => r.status.toUpperCase(),
    startedAt: (r: Recording) => r.started_at,
    stoppedAt: (r: Recording) => r.stopped_at,
    assets: async (r: Recording, _args: unknown, ctx: Context) =>
      embeddedAssets(await ctx.loaders.recording.load(r.id)).map(assetView),
  },
};

const server = new ApolloServer<Context>({ typeDefs, resolvers });
await startStandaloneServer(server, {
  listen: { port: env.port, host: '127.0.0.1' },
  context: async () => ({ loaders: createLoaders() }),
});
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));

/**
 * Peer quality stats (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/peer-quality-stats):
 * "why was this call bad?". Time series per published and received track, available only after
 * the session ended; bitrates are bits per second, as 100ms reports them.
 */
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type { PeerStats, PeerStatsTrack, Session } from '../hms/types.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { RoomRef, SessionRef } from './refs.js';
import { SessionPeerRef } from './session.js';
import { loadSession, peersOf, type SessionPeerView } from './session-view.js';

/** Peers whose stats one `Session.peerStats` loads when none are named (one call each). */
export const DEFAULT_PEER_STATS = 10;
export const MAX_PEER_STATS = 25;

type Direction = 'published' | 'received';
type Kind = 'audio' | 'video';
interface TrackModel extends PeerStatsTrack {
  direction: Direction;
  kind: Kind;
}
type PeerStatsModel = PeerStats & { peer: SessionPeerView | null };

const numbers = (values: Array<number | null> | undefined) =>
  (values ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const average = (values: Array<number | null> | undefined) => {
  const list = numbers(values);
  return list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length;
};
const maximum = (values: Array<number | null> | undefined) => {
  const list = numbers(values);
  return list.length === 0 ? null : Math.max(...list);
};

function tracksOf(stats: PeerStats): TrackModel[] {
  const tag = (tracks: PeerStatsTrack[] | undefined, direction: Direction, kind: Kind) =>
    (tracks ?? []).map((track) => ({ ...track, direction, kind }));
  return [
    ...tag(stats.publisher?.video, 'published', 'video'),
    ...tag(stats.publisher?.audio, 'published', 'audio'),
    ...tag(stats.subscriber?.video, 'received', 'video'),
    ...tag(stats.subscriber?.audio, 'received', 'audio'),
  ];
}

/** The camera's top layer (`h`, or the only entry without simulcast): what others saw at best. */
function mainVideo(stats: PeerStats): PeerStatsTrack | undefined {
  const camera = (stats.publisher?.video ?? []).filter((t) => t.type !== 'screen');
  return camera.find((t) => t.rid === 'h') ?? camera.find((t) => !t.rid) ?? camera[0];
}

const Direction = builder.enumType('PeerStatsDirection', {
  description: 'Whether the peer sent or received the track.',
  values: {
    PUBLISHED: { value: 'published', description: 'Sent by the peer.' },
    RECEIVED: { value: 'received', description: 'Received by the peer from others.' },
  } as const,
});
const Kind = builder.enumType('PeerStatsTrackKind', {
  description: 'Audio or video.',
  values: {
    AUDIO: { value: 'audio', description: 'An audio track.' },
    VIDEO: { value: 'video', description: 'A video track (camera or screen).' },
  } as const,
});

interface Sample {
  timestamp: number;
  series: PeerStatsTrack['time_series'];
  i: number;
}
const at = (s: Sample, key: string) => {
  const value = s.series[key]?.[s.i];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

const SampleRef = builder.objectRef<Sample>('PeerStatsSample').implement({
  description: 'One point of a track’s time series; a measure the track does not have is null.',
  fields: (t) => ({
    timestamp: t.field({
      type: 'DateTime',
      description: 'When it was measured.',
      resolve: (s) => new Date(s.timestamp).toISOString(),
    }),
    bitrateBps: t.float({
      nullable: true,
      description: 'Bits per second.',
      resolve: (s) => at(s, 'bitrate'),
    }),
    fps: t.float({ nullable: true, description: 'Frames per second (video).', resolve: (s) => at(s, 'fps') }),
    packetLossPercent: t.float({
      nullable: true,
      description: 'Packets lost, in percent.',
      resolve: (s) => at(s, 'packet_loss_percent'),
    }),
    roundTripMs: t.float({
      nullable: true,
      description: 'Round-trip time in milliseconds (published tracks).',
      resolve: (s) => at(s, 'rtt_ms'),
    }),
    jitterMs: t.float({
      nullable: true,
      description: 'Jitter in milliseconds (published audio).',
      resolve: (s) => at(s, 'jitter_ms'),
    }),
    freezeCount: t.int({
      nullable: true,
      description: 'Video freezes in the interval (received video).',
      resolve: (s) => at(s, 'freeze_count'),
    }),
    concealedSamples: t.int({
      nullable: true,
      description: 'Audio samples concealed after loss (received audio).',
      resolve: (s) => at(s, 'concealed_samples'),
    }),
  }),
});

const TrackRef = builder.objectRef<TrackModel>('PeerStatsTrack').implement({
  description: 'The time series of one track, or of one simulcast layer of a published video track.',
  fields: (t) => ({
    trackId: t.exposeString('track_id', { description: 'The track id (as in analytics track events).' }),
    direction: t.field({
      type: Direction,
      description: 'Sent or received.',
      resolve: (track) => track.direction,
    }),
    kind: t.field({ type: Kind, description: 'Audio or video.', resolve: (track) => track.kind }),
    source: t.string({
      nullable: true,
      description: '`regular` or `screen` for video; null for audio.',
      resolve: (track) => track.type ?? null,
    }),
    layer: t.string({
      nullable: true,
      description: 'Simulcast layer of a published video (`h`, `m`, `l`); null otherwise.',
      resolve: (track) => track.rid ?? null,
    }),
    averageBitrateBps: t.float({
      nullable: true,
      description: 'Mean bitrate over the series, bits per second.',
      resolve: (track) => average(track.time_series?.bitrate),
    }),
    samples: t.field({
      type: [SampleRef],
      description: 'The series, oldest first.',
      resolve: (track) =>
        (track.time_series?.timestamps ?? []).map((timestamp, i) => ({
          timestamp,
          series: track.time_series,
          i,
        })),
    }),
  }),
});

export const PeerStatsRef = builder.objectRef<PeerStatsModel>('PeerStats').implement({
  description:
    'Network quality of one peer in one ended session: summaries for a dashboard, and the series behind them.',
  fields: (t) => ({
    id: t.id({
      description: CACHE_KEY_DESCRIPTION,
      resolve: (s) => cacheKey('PeerStats', s.session_id, s.peer_id),
    }),
    peerId: t.exposeString('peer_id', { description: 'The peer id.' }),
    peer: t.field({
      type: SessionPeerRef,
      nullable: true,
      description: 'The peer (name, role, times) as the session lists it.',
      resolve: (s) => s.peer,
    }),
    sessionId: t.exposeString('session_id', { description: 'The 100ms session id.' }),
    session: t.field({
      type: SessionRef,
      description: 'The session.',
      resolve: (s, _args, ctx) => loadSession(ctx, s.session_id),
    }),
    room: t.field({
      type: RoomRef,
      description: 'The room.',
      resolve: (s, _args, ctx) => ctx.loaders.room.load(s.room_id),
    }),
    publishedVideoBitrateBps: t.float({
      nullable: true,
      description:
        'Mean bitrate of the camera’s top layer, bits per second; null when the peer sent no video.',
      resolve: (s) => average(mainVideo(s)?.time_series?.bitrate),
    }),
    publishedAudioBitrateBps: t.float({
      nullable: true,
      description: 'Mean bitrate of the microphone, bits per second; null when the peer sent no audio.',
      resolve: (s) => average(s.publisher?.audio?.[0]?.time_series?.bitrate),
    }),
    receivedVideoBitrateBps: t.float({
      nullable: true,
      description: 'Mean bitrate of the video the peer received, bits per second; null when none.',
      resolve: (s) => average((s.subscriber?.video ?? []).flatMap((tr) => tr.time_series?.bitrate ?? [])),
    }),
    averageRoundTripMs: t.float({
      nullable: true,
      description: 'Mean round-trip time of the peer’s published tracks, in ms; null when it sent nothing.',
      resolve: (s) =>
        average(
          [...(s.publisher?.video ?? []), ...(s.publisher?.audio ?? [])].flatMap(
            (tr) => tr.time_series?.rtt_ms ?? [],
          ),
        ),
    }),
    maxPacketLossPercent: t.float({
      nullable: true,
      description: 'Worst packet loss of any track in any interval, in percent.',
      resolve: (s) => maximum(tracksOf(s).flatMap((tr) => tr.time_series?.packet_loss_percent ?? [])),
    }),
    videoFreezes: t.int({
      description: 'Freezes of the video the peer received, in total.',
      resolve: (s) =>
        numbers((s.subscriber?.video ?? []).flatMap((tr) => tr.time_series?.freeze_count ?? [])).reduce(
          (a, b) => a + b,
          0,
        ),
    }),
    tracks: t.field({
      type: [TrackRef],
      description:
        'Every track series: published video (one per simulcast layer), published audio, received video and audio.',
      resolve: (s) => tracksOf(s),
    }),
  }),
});

async function statsOf(
  ctx: Context,
  session: Session,
  peer: SessionPeerView,
): Promise<PeerStatsModel | null> {
  try {
    const stats = await ctx.send(
      'analytics.peerStats',
      { query: { peer_id: peer.peerId, session_id: session.id } },
      ctx.upstream,
    );
    return { ...stats, peer };
  } catch (error) {
    // A peer 100ms has no stats for (e.g. it never connected media): nothing to show.
    if (error instanceof HmsNotFoundError) return null;
    throw error;
  }
}

builder.objectField(SessionRef, 'peerStats', (t) =>
  t.field({
    type: [PeerStatsRef],
    description:
      'Network quality of the session’s peers (one 100ms call per peer). Empty while the session is live: 100ms computes stats after it ends.',
    args: {
      peerIds: t.arg.stringList({
        description: 'Only these peers (at most 25); default: the first `first` peers by join time.',
      }),
      first: t.arg.int({
        description: `How many peers when \`peerIds\` is not given, 1–${MAX_PEER_STATS} (default ${DEFAULT_PEER_STATS}).`,
      }),
    },
    resolve: async (session, args, ctx) => {
      if (session.active) return [];
      const first = args.first ?? DEFAULT_PEER_STATS;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PEER_STATS)
        throw badUserInput(`\`first\` must be 1–${MAX_PEER_STATS}`, 'first');
      if (args.peerIds && args.peerIds.length > MAX_PEER_STATS)
        throw badUserInput(`\`peerIds\` takes at most ${MAX_PEER_STATS} ids`, 'peerIds');
      const peers = peersOf(session);
      const chosen = args.peerIds
        ? peers.filter((p) => args.peerIds?.includes(p.peerId))
        : peers.slice(0, first);
      const stats = await Promise.all(chosen.map((peer) => statsOf(ctx, session, peer)));
      return stats.filter((s): s is PeerStatsModel => s !== null);
    },
  }),
);

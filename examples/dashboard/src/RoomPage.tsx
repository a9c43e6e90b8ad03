import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FailureNotice, RequestErrorNotice, type TypedFailure } from './errors.js';
import { formatBytes, formatDuration, formatTime } from './format.js';
import type { DashboardQuery, JobStatus } from './generated/graphql.js';
import {
  useAssetDownloadUrlQuery,
  useDashboardQuery,
  useRoomCodesQuery,
  useSetRoomCodeEnabledMutation,
  useStartRecordingMutation,
  useStopRecordingMutation,
} from './generated/hooks.js';
import { PeerQuality, WebhookDeliveries } from './Operations.js';

type Room = NonNullable<DashboardQuery['room']>;
type Session = NonNullable<Room['sessions']>['nodes'][number];
type Peer = NonNullable<Session['peers']>[number];
type Recording = NonNullable<Session['recordings']>['nodes'][number];
type Asset = NonNullable<Recording['assets']>[number];

/** Statuses the 100ms job state machine leaves on its own: worth polling until they settle. */
const MOVING: ReadonlySet<JobStatus> = new Set(['STARTING', 'STOPPING', 'POST_PROCESSING']);

function isMoving(data: DashboardQuery | undefined): boolean {
  return (data?.room?.sessions?.nodes ?? []).some((session) =>
    (session.recordings?.nodes ?? []).some((recording) => recording.status && MOVING.has(recording.status)),
  );
}

function useRefreshRoom() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: useDashboardQuery.rootKey });
}

function StatusBadge({ status }: { status: JobStatus | null | undefined }) {
  const tone = status === 'COMPLETED' ? 'ok' : status === 'FAILED' ? 'off' : 'busy';
  return <span className={`badge ${tone}`}>{status ?? 'UNKNOWN'}</span>;
}

function AssetRow({ asset }: { asset: Asset }) {
  // The presigned URL is minted only on click: it is short-lived and costs a 100ms call.
  const [requested, setRequested] = useState(false);
  const link = useAssetDownloadUrlQuery({ id: asset.id }, { enabled: requested, staleTime: 0, gcTime: 0 });
  const url = link.data?.recordingAsset?.presignedUrl?.url;
  return (
    <tr data-asset={asset.hmsId ?? asset.id}>
      <td>{asset.type ?? '—'}</td>
      <td>{asset.status ?? '—'}</td>
      <td title={asset.sizeBytes === null || asset.sizeBytes === undefined ? '' : `${asset.sizeBytes} bytes`}>
        {formatBytes(asset.sizeBytes)}
      </td>
      <td>{formatDuration(asset.durationSeconds)}</td>
      <td>
        {url ? (
          <a href={url} download rel="noreferrer" className="download">
            Download
          </a>
        ) : (
          <button type="button" onClick={() => setRequested(true)} disabled={requested && link.isFetching}>
            {requested && link.isFetching ? 'Getting link…' : 'Get download link'}
          </button>
        )}
        {link.isError ? <RequestErrorNotice error={link.error} /> : null}
      </td>
    </tr>
  );
}

function RecordingRow({ recording }: { recording: Recording }) {
  const refreshRoom = useRefreshRoom();
  const [failure, setFailure] = useState<TypedFailure | null>(null);
  const stop = useStopRecordingMutation({
    onSuccess: ({ stopRecording }) => {
      setFailure(stopRecording?.__typename === 'StopRecordingSuccess' ? null : (stopRecording ?? null));
      void refreshRoom();
    },
  });
  const stoppable = recording.status === 'RUNNING' || recording.status === 'STARTING';
  const assets = recording.assets ?? [];
  return (
    <li className="recording" data-recording={recording.hmsId ?? recording.id}>
      <div className="row">
        <StatusBadge status={recording.status} />
        <span className="muted small">
          {formatTime(recording.startedAt)} → {formatTime(recording.stoppedAt)}
        </span>
        {stoppable ? (
          <button
            type="button"
            disabled={stop.isPending}
            onClick={() => stop.mutate({ input: { recordingId: recording.id } })}
          >
            Stop recording
          </button>
        ) : null}
      </div>
      {failure ? <FailureNotice failure={failure} /> : null}
      {stop.isError ? <RequestErrorNotice error={stop.error} /> : null}
      {assets.length > 0 ? (
        <table className="assets">
          <thead>
            <tr>
              <th>Asset</th>
              <th>Status</th>
              <th>Size</th>
              <th>Duration</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {assets.map((asset) => (
              <AssetRow key={asset.id} asset={asset} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No files yet.</p>
      )}
    </li>
  );
}

/** Live sessions collect many short visits; the rest are one click away. */
const PEERS_SHOWN = 5;

function PeerTable({ peers }: { peers: Peer[] }) {
  return (
    <table className="peers">
      <thead>
        <tr>
          <th>Peer</th>
          <th>Role</th>
          <th>Joined</th>
          <th>Left</th>
          <th>Time in session</th>
        </tr>
      </thead>
      <tbody>
        {peers.map((peer) => (
          <tr key={peer.peerId ?? `${peer.userId}-${peer.joinedAt}`}>
            <td>{peer.name ?? peer.userId ?? peer.peerId}</td>
            <td>{peer.role ?? '—'}</td>
            <td>{formatTime(peer.joinedAt)}</td>
            <td>{peer.leftAt ? formatTime(peer.leftAt) : 'still here'}</td>
            <td>{formatDuration(peer.durationSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SessionCard({ session }: { session: Session }) {
  const recordings = session.recordings?.nodes ?? [];
  const peers = session.peers ?? [];
  return (
    <article className="session" data-session={session.hmsId ?? session.id}>
      <h3>
        {formatTime(session.startedAt)}
        {session.active ? <span className="badge live">live</span> : null}
      </h3>
      <p className="muted">
        {session.peerCount ?? 0} peers · {session.active ? 'running for' : 'lasted'}{' '}
        {formatDuration(session.durationSeconds)}
      </p>
      <PeerTable peers={peers.slice(0, PEERS_SHOWN)} />
      {peers.length > PEERS_SHOWN ? (
        <details>
          <summary className="muted small">{peers.length - PEERS_SHOWN} more peers</summary>
          <PeerTable peers={peers.slice(PEERS_SHOWN)} />
        </details>
      ) : null}
      {session.active ? null : <PeerQuality sessionId={session.id} />}
      <h4>Recordings</h4>
      {recordings.length > 0 ? (
        <ul className="recordings">
          {recordings.map((recording) => (
            <RecordingRow key={recording.id} recording={recording} />
          ))}
        </ul>
      ) : (
        <p className="muted small">No recordings in this session.</p>
      )}
    </article>
  );
}

/** Each recording's latest status in the room's (polled) dashboard data, by 100ms id. */
function recordingStatuses(room: Room): Map<string, JobStatus | null | undefined> {
  const statuses = new Map<string, JobStatus | null | undefined>();
  for (const session of room.sessions?.nodes ?? []) {
    for (const recording of session.recordings?.nodes ?? []) {
      if (recording.hmsId) statuses.set(recording.hmsId, recording.status);
    }
  }
  return statuses;
}

function RecordingControls({
  roomId,
  statuses,
}: {
  roomId: string;
  statuses: Map<string, JobStatus | null | undefined>;
}) {
  const refreshRoom = useRefreshRoom();
  const start = useStartRecordingMutation({ onSuccess: () => void refreshRoom() });
  const result = start.data?.startRecording;
  // The mutation answers STARTING; the notice then follows the room data, which polls while the
  // recording moves, so it reads RUNNING and, after a stop, COMPLETED.
  const startedId = result?.__typename === 'StartRecordingSuccess' ? result.data.hmsId : null;
  const current = startedId ? statuses.get(startedId) : undefined;
  return (
    <section className="panel">
      <h2>Recording</h2>
      <button type="button" disabled={start.isPending} onClick={() => start.mutate({ input: { roomId } })}>
        {start.isPending ? 'Starting…' : 'Start recording'}
      </button>
      {result?.__typename === 'StartRecordingSuccess' ? (
        <p className="notice" data-testid="started-recording" data-recording={result.data.hmsId ?? ''}>
          Started recording {result.data.hmsId}: <StatusBadge status={current ?? result.data.status} />
        </p>
      ) : result ? (
        <FailureNotice failure={result} />
      ) : null}
      {start.isError ? <RequestErrorNotice error={start.error} /> : null}
    </section>
  );
}

function RoomCodes({ roomId }: { roomId: string }) {
  const queryClient = useQueryClient();
  const codes = useRoomCodesQuery({ roomId });
  const [failure, setFailure] = useState<TypedFailure | null>(null);
  const toggle = useSetRoomCodeEnabledMutation({
    onSuccess: ({ setRoomCodeEnabled }) => {
      setFailure(
        setRoomCodeEnabled?.__typename === 'SetRoomCodeEnabledSuccess' ? null : (setRoomCodeEnabled ?? null),
      );
      void queryClient.invalidateQueries({ queryKey: useRoomCodesQuery.getKey({ roomId }) });
    },
  });
  if (codes.isPending) return <p className="muted">Loading room codes…</p>;
  if (codes.isError) return <RequestErrorNotice error={codes.error} />;
  const list = codes.data.room?.roomCodes ?? [];
  return (
    <section className="panel">
      <h2>Room codes</h2>
      {failure ? <FailureNotice failure={failure} /> : null}
      {toggle.isError ? <RequestErrorNotice error={toggle.error} /> : null}
      {list.length === 0 ? <p className="muted small">No room codes.</p> : null}
      <table className="codes">
        <thead>
          <tr>
            <th>Code</th>
            <th>Role</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((roomCode) => (
            <tr key={roomCode.code} data-code={roomCode.code}>
              <td>
                <code>{roomCode.code}</code>
              </td>
              <td>{roomCode.role}</td>
              <td>
                <span className={roomCode.enabled ? 'badge ok' : 'badge off'}>
                  {roomCode.enabled ? 'enabled' : 'disabled'}
                </span>
              </td>
              <td>
                <button
                  type="button"
                  disabled={toggle.isPending || !roomCode.code}
                  onClick={() =>
                    roomCode.code &&
                    toggle.mutate({ input: { code: roomCode.code, enabled: !roomCode.enabled } })
                  }
                >
                  {roomCode.enabled ? 'Disable' : 'Enable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function RoomPage({ roomId }: { roomId: string }) {
  const dashboard = useDashboardQuery(
    { roomId, sessions: 10 },
    { refetchInterval: (query) => (isMoving(query.state.data) ? 1000 : false) },
  );
  if (dashboard.isPending) return <p className="muted">Loading room…</p>;
  if (dashboard.isError) return <RequestErrorNotice error={dashboard.error} />;
  const room = dashboard.data.room;
  if (!room) return <p className="notice error">No room {roomId}.</p>;
  const sessions = room.sessions?.nodes ?? [];
  return (
    <>
      <p>
        <a href="#/">← All rooms</a>
      </p>
      <h1>
        {room.name ?? room.hmsId}{' '}
        <span className={room.enabled ? 'badge ok' : 'badge off'}>
          {room.enabled ? 'enabled' : 'disabled'}
        </span>
      </h1>
      <p className="muted small">
        {room.hmsId} · created {formatTime(room.createdAt)}
      </p>
      <div className="columns">
        <RecordingControls roomId={room.id} statuses={recordingStatuses(room)} />
        <RoomCodes roomId={room.id} />
      </div>
      <WebhookDeliveries roomId={room.id} />
      <h2>Recent sessions</h2>
      {sessions.length === 0 ? <p className="muted">No sessions yet.</p> : null}
      {sessions.map((session) => (
        <SessionCard key={session.id} session={session} />
      ))}
    </>
  );
}

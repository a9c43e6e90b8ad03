/**
 * The operations side of a room: each ended session's peer quality (why was the call bad?) and
 * the room's webhook deliveries with a Replay button (did 100ms tell us?).
 */
import { useState } from 'react';
import { FailureNotice, RequestErrorNotice } from './errors.js';
import { formatTime } from './format.js';
import {
  usePeerQualityQuery,
  useReplayWebhooksMutation,
  useWebhookDeliveriesQuery,
} from './generated/hooks.js';

/** Bits per second as people read them. */
export function formatBitrate(bps: number | null | undefined): string {
  if (bps === null || bps === undefined) return '—';
  if (bps >= 1_000_000) return `${(bps / 1_000_000).toFixed(2)} Mbps`;
  return `${Math.round(bps / 1000)} kbps`;
}

const formatNumber = (value: number | null | undefined, unit: string, digits = 0) =>
  value === null || value === undefined ? '—' : `${value.toFixed(digits)} ${unit}`;

function PeerQualityTable({ sessionId }: { sessionId: string }) {
  const quality = usePeerQualityQuery({ sessionId });
  if (quality.isPending) return <p className="muted small">Loading peer quality…</p>;
  if (quality.isError) return <RequestErrorNotice error={quality.error} />;
  const stats = quality.data.session?.peerStats ?? [];
  if (stats.length === 0) return <p className="muted small">No quality stats for this session.</p>;
  return (
    <table className="quality" data-testid="peer-quality">
      <thead>
        <tr>
          <th>Peer</th>
          <th>Sent video</th>
          <th>Sent audio</th>
          <th>Received video</th>
          <th>Round trip</th>
          <th>Worst loss</th>
          <th>Freezes</th>
        </tr>
      </thead>
      <tbody>
        {stats.map((s) => (
          <tr key={s.peerId} data-peer={s.peerId}>
            <td>
              {s.peer?.name ?? s.peerId} <span className="muted small">{s.peer?.role ?? ''}</span>
            </td>
            <td>{formatBitrate(s.publishedVideoBitrateBps)}</td>
            <td>{formatBitrate(s.publishedAudioBitrateBps)}</td>
            <td>{formatBitrate(s.receivedVideoBitrateBps)}</td>
            <td>{formatNumber(s.averageRoundTripMs, 'ms')}</td>
            <td>{formatNumber(s.maxPacketLossPercent, '%', 2)}</td>
            <td>{s.videoFreezes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Loaded on demand: one 100ms call per peer. */
export function PeerQuality({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="peer-quality" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Peer quality</summary>
      {open ? <PeerQualityTable sessionId={sessionId} /> : null}
    </details>
  );
}

export function WebhookDeliveries({ roomId }: { roomId: string }) {
  const deliveries = useWebhookDeliveriesQuery({ roomId, first: 10 });
  const replay = useReplayWebhooksMutation();
  const [replayed, setReplayed] = useState<string | null>(null);
  const result = replay.data?.replayWebhooks;
  return (
    <section className="panel">
      <h2>Webhook deliveries</h2>
      {deliveries.isPending ? <p className="muted">Loading deliveries…</p> : null}
      {deliveries.isError ? <RequestErrorNotice error={deliveries.error} /> : null}
      {result?.__typename === 'ReplayWebhooksSuccess' ? (
        <p className="notice" data-testid="webhook-replay" data-workflow={result.data.workflowId}>
          Replay of {replayed} {result.data.alreadyRunning ? '(already running)' : 'started'}:{' '}
          <span className="badge busy">{result.data.state.toLowerCase()}</span> {result.data.completed}/
          {result.data.total} sent
        </p>
      ) : result ? (
        <FailureNotice failure={result} />
      ) : null}
      {replay.isError ? <RequestErrorNotice error={replay.error} /> : null}
      {deliveries.data ? (
        <>
          <p className="muted small">
            {deliveries.data.room?.webhookDeliveries.totalCount ?? 0} in the last 24 hours
          </p>
          <table className="deliveries">
            <thead>
              <tr>
                <th>Time</th>
                <th>Event</th>
                <th>Outcome</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(deliveries.data.room?.webhookDeliveries.nodes ?? []).map((d) => (
                <tr key={d.eventId} data-delivery={d.eventId} data-status={d.status}>
                  <td>{formatTime(d.timestamp)}</td>
                  <td>
                    <code>{d.eventType}</code>
                  </td>
                  <td>
                    <span className={d.status === 'DELIVERED' ? 'badge ok' : 'badge off'}>
                      {d.status === 'DELIVERED' ? 'delivered' : 'failed'}
                    </span>
                    {d.errorReason ? <span className="muted small"> {d.errorReason}</span> : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={replay.isPending}
                      onClick={() => {
                        // This one event: its type, in a two-second window around it.
                        const at = Date.parse(d.timestamp);
                        setReplayed(d.eventType);
                        replay.mutate({
                          input: {
                            roomId,
                            eventTypes: [d.eventType],
                            since: new Date(at - 1000).toISOString(),
                            until: new Date(at + 1000).toISOString(),
                            status: 'ALL',
                          },
                        });
                      }}
                    >
                      Replay
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

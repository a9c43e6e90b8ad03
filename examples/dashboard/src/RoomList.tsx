import { RequestErrorNotice } from './errors.js';
import { formatTime } from './format.js';
import { useRoomsQuery } from './generated/hooks.js';

export function RoomList() {
  const rooms = useRoomsQuery({ first: 20 });
  if (rooms.isPending) return <p className="muted">Loading rooms…</p>;
  if (rooms.isError) return <RequestErrorNotice error={rooms.error} />;
  const nodes = rooms.data.rooms?.nodes ?? [];
  return (
    <section>
      <h1>Rooms</h1>
      <table className="rooms">
        <thead>
          <tr>
            <th>Room</th>
            <th>State</th>
            <th>Live peers</th>
            <th>Template</th>
            <th>Region</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((room) => (
            <tr key={room.id} data-room={room.name ?? room.id}>
              <td>
                <a href={`#/rooms/${encodeURIComponent(room.id)}`}>{room.name ?? room.hmsId}</a>
                {room.description ? <div className="muted small">{room.description}</div> : null}
              </td>
              <td>
                <span className={room.enabled ? 'badge ok' : 'badge off'}>
                  {room.enabled ? 'enabled' : 'disabled'}
                </span>
              </td>
              <td>{room.activeRoom ? room.activeRoom.peerCount : '—'}</td>
              <td>{room.template?.name ?? '—'}</td>
              <td>{room.region ?? '—'}</td>
              <td>{formatTime(room.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rooms.data.rooms?.pageInfo.hasNextPage ? <p className="muted">Showing the first 20 rooms.</p> : null}
    </section>
  );
}

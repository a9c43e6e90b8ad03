import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { RoomList } from './RoomList.js';
import { RoomPage } from './RoomPage.js';
import { readToken, writeToken } from './token.js';

/** `#/rooms/<id>` opens a room; anything else is the room list. No router needed for two pages. */
function useRoute(): { page: 'rooms' } | { page: 'room'; roomId: string } {
  const hash = useSyncExternalStore(
    (onChange) => {
      window.addEventListener('hashchange', onChange);
      return () => window.removeEventListener('hashchange', onChange);
    },
    () => window.location.hash,
  );
  const match = /^#\/rooms\/(.+)$/.exec(hash);
  return match?.[1] ? { page: 'room', roomId: decodeURIComponent(match[1]) } : { page: 'rooms' };
}

function TokenForm() {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(() => readToken() ?? '');
  return (
    <form
      className="token"
      onSubmit={(event) => {
        event.preventDefault();
        writeToken(token);
        void queryClient.invalidateQueries();
      }}
    >
      <label>
        Bearer token
        <input
          type="password"
          value={token}
          placeholder="not needed in demo mode"
          onChange={(event) => setToken(event.target.value)}
        />
      </label>
      <button type="submit">Use</button>
    </form>
  );
}

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="top">
        <a href="#/" className="brand">
          hms-graph dashboard
        </a>
        <TokenForm />
      </header>
      <main>{route.page === 'room' ? <RoomPage roomId={route.roomId} /> : <RoomList />}</main>
    </>
  );
}

/**
 * Simulated life in one room, for demo mode: every few seconds a guest joins or leaves, and every
 * ten steps a recording (with transcription) starts, runs for five steps and stops, then finishes
 * through the job state machine (files, then transcripts). It acts only through the emulator's public simulation API, so
 * each step produces the same state, analytics and webhooks a real room would.
 */

import { Rng } from './random.js';
import type { ActivityOptions, EmulatorSimulation, EmulatorState } from './types.js';

export type { ActivityOptions } from './types.js';

const GUESTS = ['Asha', 'Bruno', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun'];
const LEAVE_REASONS = ['client request', 'client request', 'websocket closed', 'ice connection state closed'];
/** Ticks per recording cycle; it starts at tick 2 and is stopped at tick 7 of each cycle. */
const CYCLE = 10;

export function startActivity(
  simulate: EmulatorSimulation,
  state: EmulatorState,
  options: ActivityOptions,
): { stop(): void } {
  const { roomId } = options;
  const rng = new Rng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[rng.int(0, items.length - 1)] as T;
  const room = state.room(roomId);
  if (!room) throw new Error(`emulator: no room ${roomId}`);
  const roles = Object.keys(state.templates().find((t) => t.id === room.template_id)?.roles ?? {});
  const hostRole = roles.includes('host') ? 'host' : (roles[0] ?? 'host');
  const guestRole = roles.find((r) => r === 'guest' || r === 'speaker') ?? hostRole;
  /** Peers this simulation brought in: the only ones it sends away again. */
  let guests: string[] = [];
  let tick = 0;

  const step = () => {
    tick += 1;
    // Reading jobs settles them: a recording moves on (and its webhooks go out) on schedule.
    const live = state.recordings(roomId).filter((r) => r.status === 'starting' || r.status === 'running');
    if (!state.activeSession(roomId)) {
      guests = [];
      simulate.startSession(roomId, [{ name: 'Host', role: hostRole }]);
      return;
    }
    const phase = tick % CYCLE;
    if (phase === 2 && live.length === 0) simulate.startRecording(roomId, { transcription: true });
    if (phase === 7 && live.length > 0) simulate.stopRecording(roomId);
    const join = guests.length === 0 || (guests.length < 4 && rng.next() < 0.6);
    if (join) {
      const name = pick(GUESTS);
      guests.push(
        simulate.joinPeer(roomId, { name, role: guestRole, userId: `demo-${name.toLowerCase()}` }).id,
      );
    } else {
      const index = rng.int(0, guests.length - 1);
      const [peerId] = guests.splice(index, 1);
      if (peerId) simulate.leavePeer(roomId, peerId, pick(LEAVE_REASONS));
    }
  };

  const safeStep = () => {
    try {
      step();
    } catch (error) {
      // Someone ended the room or removed our guest meanwhile: start over from what is there.
      guests = [];
      options.onError?.(error);
    }
  };
  const everyMs = options.everyMs ?? 3000;
  let interval: NodeJS.Timeout | undefined;
  // The first step comes soon, so a fresh subscriber does not wait a whole period.
  const first = setTimeout(
    () => {
      safeStep();
      interval = setInterval(safeStep, everyMs);
      interval.unref();
    },
    Math.min(1000, everyMs),
  );
  first.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(interval);
    },
  };
}

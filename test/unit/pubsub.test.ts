import { describe, expect, it } from 'vitest';
import { createEventBus, type HmsEvent } from '../../src/pubsub.js';

const event = (n: number, roomId = 'room-a'): HmsEvent => ({
  id: `e${n}`,
  type: 'peer.join.success',
  timestamp: '2026-01-01T00:00:00Z',
  replay: false,
  roomId,
  sessionId: null,
  data: { n },
});

describe('the in-process event bus', () => {
  it('delivers to room and workspace subscribers, counting them while they listen', async () => {
    const bus = createEventBus({ workspace: 'ak' });
    const room = bus.subscribe('room-a');
    const all = bus.subscribe();
    const nextRoom = room.next();
    const nextAll = all.next();
    expect(bus.subscribers).toBe(2);
    await bus.publish(event(1, 'room-b'));
    await bus.publish(event(2));
    expect((await nextAll).value?.id).toBe('e1');
    expect((await nextRoom).value?.id).toBe('e2');
    await room.return?.();
    await all.return?.();
    await Promise.resolve();
    expect(bus.subscribers).toBe(0);
  });

  it('keeps the newest events for a slow subscriber instead of failing the publisher', async () => {
    const bus = createEventBus({ workspace: 'ak' });
    const slow = bus.subscribe();
    const first = slow.next();
    for (let n = 0; n < 2000; n += 1) await bus.publish(event(n));
    expect((await first).value?.id).toBe('e0');
    expect((await slow.next()).value?.id).toBe(`e${2000 - 256}`);
    await slow.return?.();
  });

  it('hands subscribers a frozen copy, so one cannot change what another sees', async () => {
    const bus = createEventBus({ workspace: 'ak' });
    const sub = bus.subscribe();
    const next = sub.next();
    const original = event(1);
    await bus.publish(original);
    const received = (await next).value as HmsEvent;
    expect(received).toEqual(original);
    expect(received).not.toBe(original);
    expect(Object.isFrozen(received)).toBe(true);
    await sub.return?.();
  });

  it('ends every open subscription on close', async () => {
    const bus = createEventBus({ workspace: 'ak' });
    const sub = bus.subscribe('room-a');
    const pending = sub.next();
    await bus.close();
    expect((await pending).done).toBe(true);
    const late = bus.subscribe();
    expect((await late.next()).done).toBe(true);
  });
});

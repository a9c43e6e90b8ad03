/**
 * Seeded randomness. Every id, size and fault roll in the emulator comes from one of these
 * generators, so the same seed and the same sequence of requests give byte-identical answers.
 */

/** mulberry32: tiny, fast, and good enough for fixtures; not for anything secret. */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /**
   * A Mongo-style ObjectId: 4 bytes of creation time in seconds, then 8 random bytes. Real 100ms
   * ids carry their creation second too, so ids sort roughly by age, as clients may notice.
   */
  objectId(createdAtSeconds: number): string {
    const ts = Math.max(0, Math.floor(createdAtSeconds)).toString(16).padStart(8, '0').slice(-8);
    return ts + this.hex(16);
  }

  /** RFC 4122 version 4 layout, from this generator rather than crypto. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(0, 3)] as string;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A room code in the documented `xxx-xxxx-xxx` shape. */
  roomCode(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const part = (n: number) => Array.from({ length: n }, () => this.pick(letters.split(''))).join('');
    return `${part(3)}-${part(4)}-${part(3)}`;
  }
}

/** Derives independent streams (seed data, runtime ids, faults, jitter) from one user seed. */
export function deriveSeed(seed: number, stream: string): number {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

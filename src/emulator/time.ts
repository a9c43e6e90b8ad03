/**
 * Time on the emulator's wire. The store keeps integer microseconds since the epoch; the wire
 * format is Go's RFC3339Nano (what the 100ms backend emits): UTC, trailing zeros of the fraction
 * trimmed, so one response mixes 0 to 6 fractional digits exactly like the real API does.
 */

/** Microseconds since the Unix epoch. */
export type Micros = number;

/** Go's `time.Time{}` as JSON: what 100ms sends for "never" (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response). */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

export const US_PER_MS = 1000;
export const US_PER_SECOND = 1_000_000;
export const US_PER_MINUTE = 60 * US_PER_SECOND;
export const US_PER_HOUR = 60 * US_PER_MINUTE;
export const US_PER_DAY = 24 * US_PER_HOUR;

export function fromDate(date: Date): Micros {
  return date.getTime() * US_PER_MS;
}

export function formatTime(us: Micros | null | undefined): string {
  if (us === null || us === undefined) return ZERO_TIME;
  const whole = Math.floor(us / US_PER_SECOND);
  const fraction = us - whole * US_PER_SECOND;
  const base = new Date(whole * 1000).toISOString().slice(0, 19);
  if (fraction === 0) return `${base}Z`;
  return `${base}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}Z`;
}

/** For fields that are null until something happens (`started_at`, `stopped_at`). */
export function formatNullable(us: Micros | null): string | null {
  return us === null ? null : formatTime(us);
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Strict RFC 3339, as a Go server parses `after`/`before`: a date alone, a missing zone or a
 * JavaScript `Date#toString()` rendering are rejected, which is what catches clients that
 * stringify `Date` objects carelessly (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response). Returns null when invalid.
 */
export function parseTime(text: string): Micros | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return null;
  let us = ms * US_PER_MS + Math.floor(Number((frac ?? '').padEnd(9, '0').slice(0, 6)));
  if (sign) {
    const offset = (Number(oh) * 60 + Number(om)) * US_PER_MINUTE;
    us += sign === '+' ? -offset : offset;
  }
  return us;
}

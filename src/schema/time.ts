/** Time helpers shared by the type files. Zero times were already nulled by the client's parser. */
import { remembered } from './remembered.js';

/**
 * Epoch milliseconds of timestamp strings seen recently: the same instants recur in every answer
 * about a room (each peer's join and leave, each session's start and end), and `Date.parse` of
 * 100ms's nanosecond timestamps is the costly part of a duration. Bounded; cleared when full.
 */
const msOf = remembered(4096, (value) => Date.parse(value));

/** Whole seconds in a span of milliseconds; null when a timestamp did not parse. */
const wholeSeconds = (ms: number): number | null =>
  Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;

export const seconds = (from: string | null | undefined, to: string | null | undefined): number | null =>
  from && to ? wholeSeconds(msOf(to) - msOf(from)) : null;

/** Seconds from `from` until now (a live session or peer). */
export const secondsSince = (from: string | null | undefined): number | null =>
  from ? wholeSeconds(Date.now() - msOf(from)) : null;

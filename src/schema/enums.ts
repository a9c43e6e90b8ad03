/**
 * Enums over upstream values. 100ms adds values over time; an unknown one must not fail a whole
 * query, so every upstream enum has an UNKNOWN member that absorbs it.
 */
import { builder } from './builder.js';

/** Internal value of every upstream enum's UNKNOWN member. */
export const UNKNOWN_VALUE = '__unknown__';

export function upstreamEnum<const V extends string>(
  name: string,
  description: string,
  values: readonly V[],
) {
  const toName = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const members = Object.fromEntries([
    ...values.map((v) => [toName(v), { value: v as string, description: `100ms \`${v}\`` }]),
    ['UNKNOWN', { value: UNKNOWN_VALUE, description: 'A value this gateway does not know yet.' }],
  ]);
  const ref = builder.enumType(name, { description, values: members });
  const known = new Set<string>(values);
  /** Maps an upstream string onto the enum's internal values. */
  const fromUpstream = (value: string | null | undefined) =>
    value && known.has(value) ? value : UNKNOWN_VALUE;
  return { ref, fromUpstream, values };
}

export const JobStatus = upstreamEnum(
  'RecordingStatus',
  'State of a recording or streaming job: starting → running → stopping → post_processing → completed, or failed.',
  ['starting', 'running', 'stopping', 'post_processing', 'completed', 'failed'] as const,
);

/**
 * Structured JSON logs (pino). Redaction is the last line of defence: secrets and tokens must
 * never be logged in the first place, but if an object carrying one slips through, pino blanks it.
 */
import { pino } from 'pino';
import type { LogLevel } from './config.js';
import { mapStack } from './stack-traces.js';

export type Logger = pino.Logger;

export const REDACT_PATHS = [
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'hms.secret',
];

/** pino's error serializer, with stack frames of the bundle mapped back to src/. */
function serializeError(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  if (typeof serialized?.stack === 'string') serialized.stack = mapStack(serialized.stack);
  return serialized;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hms-graph' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    destination,
  );
}

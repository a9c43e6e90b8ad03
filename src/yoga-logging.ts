/**
 * Yoga's own log calls, routed into pino. Yoga reports every error it masks at `error` level;
 * most are the caller's doing (a bad variable, an unknown room, a client that went away), so
 * they are logged at info or debug, and only failures of ours or of 100ms stay loud. Messages
 * echo caller input (ids, documents), so they are capped.
 */
import { logLevelOf, maskedCode } from './errors.js';
import type { Logger } from './logger.js';

/** Longest text of caller origin a log line repeats. */
export const MAX_LOGGED_TEXT = 2048;

export function capText(text: string, max = MAX_LOGGED_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

const line = (args: unknown[]) => capText(args.map(String).join(' '));

export function yogaLogging(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug(line(args)),
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (args.length === 1 && first instanceof Error) {
        const level = logLevelOf(first);
        logger[level](
          { error: { name: first.name, message: capText(first.message) }, code: maskedCode(first) },
          level === 'error' ? 'unexpected error' : 'request failed',
        );
        return;
      }
      logger.error(line(args));
    },
  };
}

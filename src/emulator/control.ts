/**
 * `/__emulator/*`: what the process-level harness (the bench, a gateway started as a child process)
 * needs without a handle on the emulator object: stats, reset, faults, latency, advancing jobs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultRule, type LatencyConfig, parseFaultRules, parseLatency } from './faults.js';
import { ApiError, notFound } from './http.js';
import { readBody, send } from './http-server.js';
import type { Emulator } from './types.js';

export type ControlTarget = Pick<Emulator, 'stats' | 'reset' | 'advanceJobs'> & {
  setFaults(rules: FaultRule[]): void;
  setLatency(latency: LatencyConfig | null): void;
};

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: ControlTarget,
): Promise<void> {
  const path = url.pathname;
  let body: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req);
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return send(res, 400, new ApiError(400, 'Invalid request body', ['body is not valid JSON']).body());
    }
  }
  if (req.method === 'GET' && path === '/__emulator/stats') {
    const { log: entries, ...counters } = target.stats();
    return send(res, 200, url.searchParams.get('log') === 'true' ? { ...counters, log: entries } : counters);
  }
  if (req.method === 'POST' && path === '/__emulator/reset') {
    const data = (body as { data?: unknown } | undefined)?.data === true;
    target.reset({ data });
    return send(res, 200, { reset: true, data });
  }
  if (req.method === 'POST' && path === '/__emulator/faults') {
    const rules = parseFaultRules(body);
    if (typeof rules === 'string')
      return send(res, 400, new ApiError(400, 'Invalid fault rules', [rules]).body());
    target.setFaults(rules);
    return send(res, 200, {
      faults: rules.map((r) => ({ ...r, route: r.route instanceof RegExp ? String(r.route) : r.route })),
    });
  }
  if (req.method === 'POST' && path === '/__emulator/latency') {
    const parsed = parseLatency(body);
    if (typeof parsed === 'string')
      return send(res, 400, new ApiError(400, 'Invalid latency', [parsed]).body());
    target.setLatency(parsed);
    return send(res, 200, { latency: parsed });
  }
  if (req.method === 'POST' && path === '/__emulator/advance-jobs') {
    target.advanceJobs();
    return send(res, 200, { advanced: true });
  }
  return send(res, 404, notFound('Not found', `no emulator control endpoint ${req.method} ${path}`).body());
}

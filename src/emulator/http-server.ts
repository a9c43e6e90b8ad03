/**
 * The emulator's HTTP side: one `node:http` server whose paths split three ways — `/v2/...` is
 * the 100ms API (authenticated, counted, subject to faults and latency), `/__emulator/...` the
 * control endpoints, `/__downloads/...` the files behind presigned URLs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.js';
import { type FaultPlan, faultMessage } from './faults.js';
import { ApiError, Body, notFound, parseRawQuery, Query, type RawQuery } from './http.js';
import { MAX_LOGGED_BODY_CHARS, type RequestLog } from './request-log.js';
import { type Match, Reply, type Router } from './router.js';
import type { Store } from './store.js';

const MAX_BODY_BYTES = 1024 * 1024;
const UNMATCHED = '<unmatched>';

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.destroyed || res.writableEnded || res.headersSent) return;
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export interface ApiDeps {
  router: Router;
  log: RequestLog;
  faults: FaultPlan;
  /** The store of the moment: a data reset swaps it. */
  store: () => Store;
  credentials: { accessKey: string; secret: string; now: () => Date };
  /** Extra delay before each answer (latency plus jitter), in ms. */
  latencyMs: () => number;
  /** Holds an answer for `ms`; resolves early when the emulator closes. */
  hold: (ms: number) => Promise<void>;
  closed: () => boolean;
}

/** What one `/v2` request brought, for `dispatch`. */
interface Incoming {
  req: IncomingMessage;
  path: string;
  match: Match | undefined;
  /** A path that could not even be matched (bad percent-encoding). */
  pathError: ApiError | undefined;
  bodyError: ApiError | undefined;
  rawQuery: RawQuery;
  body: unknown;
  /** Response headers the handler may add to (e.g. `retry-after`). */
  headers: Record<string, string>;
}

/** Authenticates, routes and runs the handler; every failure becomes a 100ms error body. */
async function dispatch(deps: ApiDeps, incoming: Incoming): Promise<{ status: number; payload: unknown }> {
  const { req, path, match, pathError, bodyError, rawQuery, body, headers } = incoming;
  try {
    if (!path.startsWith('/v2/') && path !== '/v2')
      throw notFound('Not found', `no route for ${req.method} ${path}`);
    await authenticate(req.headers.authorization, deps.credentials);
    if (pathError) throw pathError;
    if (!match) throw notFound('Not found', `no route for ${req.method} ${path}`);
    if (bodyError) throw bodyError;
    const store = deps.store();
    store.settleJobs();
    const result = match.route.handler({
      store,
      params: match.params,
      query: new Query(rawQuery),
      rawBody: body,
      body: () => Body.from(body),
    });
    if (result instanceof Reply) return { status: result.status, payload: result.body };
    return { status: 200, payload: result };
  } catch (error) {
    if (error instanceof ApiError) {
      Object.assign(headers, error.headers);
      return { status: error.status, payload: error.body() };
    }
    // A handler bug must never take the emulator down: answer 500 like the real service.
    return {
      status: 500,
      payload: { code: 500, message: 'Internal server error', details: [String(error)] },
    };
  }
}

export function createApiHandler(deps: ApiDeps) {
  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    let match: Match | undefined;
    let pathError: ApiError | undefined;
    try {
      match = path.startsWith('/v2/') ? deps.router.match(method, path) : undefined;
    } catch (error) {
      pathError = error instanceof ApiError ? error : new ApiError(400, 'Invalid path');
    }
    const template = match?.route.template ?? UNMATCHED;
    const rawQuery = parseRawQuery(url.search);
    const { entry, settle } = deps.log.begin(method, `${method} ${template}`, path, rawQuery);
    res.once('close', settle);
    const traceparent = req.headers.traceparent;
    if (typeof traceparent === 'string') entry.traceparent = traceparent;

    let text = '';
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        entry.status = 413;
        return send(res, 413, new ApiError(413, 'Request body too large').body(), { connection: 'close' });
      }
      return void req.socket.destroy();
    }
    let body: unknown;
    let bodyError: ApiError | undefined;
    if (text.trim() !== '') {
      const loggable = text.length <= MAX_LOGGED_BODY_CHARS;
      try {
        body = JSON.parse(text);
        entry.body = loggable ? body : `<${text.length} characters of JSON>`;
      } catch (error) {
        entry.body = loggable ? text : `<${text.length} characters, not JSON>`;
        bodyError = new ApiError(400, 'Invalid request body', [
          `body is not valid JSON: ${(error as Error).message}`,
        ]);
      }
    }

    const fault = deps.faults.pick({ method, template: match ? template : path, path });
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }

    let status: number;
    let payload: unknown;
    const headers: Record<string, string> = {};
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string' && requestId.length <= 200) headers['x-request-id'] = requestId;
    if (fault?.kind === 'status') {
      status = fault.status ?? 503;
      const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(retryAfter));
      payload = { code: status, message: faultMessage(status, Math.ceil(retryAfter ?? 0)), details: [] };
    } else {
      ({ status, payload } = await dispatch(deps, {
        req,
        path,
        match,
        pathError,
        bodyError,
        rawQuery,
        body,
        headers,
      }));
    }
    entry.status = status;
    await deps.hold(deps.latencyMs() + (fault?.kind === 'delay' ? (fault.delayMs ?? 1000) : 0));
    if (deps.closed()) return void res.destroy();
    send(res, status, payload, headers);
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/** Listens on `host:port` and sends each request to the handler its path prefix names. */
export async function listen(
  port: number,
  host: string,
  routes: { control: Handler; downloads: Handler; api: Handler },
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      return send(res, 400, new ApiError(400, 'Invalid request target').body());
    }
    const handler = url.pathname.startsWith('/__emulator/')
      ? routes.control
      : url.pathname.startsWith('/__downloads/')
        ? routes.downloads
        : routes.api;
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      send(res, 500, { code: 500, message: 'Internal server error', details: [String(error)] });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, origin: `http://${shown}:${address.port}` };
}

/**
 * A programmable HTTP server on port 0 for client tests: it records every request (method, path,
 * raw and parsed query, headers, body, arrival time) and answers from a handler the test sets.
 * In-flight requests are counted here, at the server, so a concurrency cap is measured where it
 * matters.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** 0-based arrival order since the last reset(). */
  index: number;
  method: string;
  /** Path without the query string, exactly as sent (still percent-encoded). */
  path: string;
  /** The raw query string without `?`, to assert the exact encoding. */
  rawQuery: string;
  /** Decoded query; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Date.now() when the request arrived. */
  receivedAt: number;
}

export type Reply =
  | {
      status?: number;
      /** Serialised as JSON unless `raw` is given. */
      json?: unknown;
      raw?: string;
      headers?: Record<string, string>;
      /** Waits this long before answering (real time). */
      delayMs?: number;
    }
  /** Never answers; the socket stays open until the client gives up or the server closes. */
  | 'hang'
  /** Destroys the socket without answering. */
  | 'destroy';

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `origin + '/v2'`, the shape of the real base URL. */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the handler. */
  handle(handler: Handler): void;
  readonly inFlight: number;
  readonly peakInFlight: number;
  /** Forgets recorded requests and the peak. */
  reset(): void;
  close(): Promise<void>;
}

function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function send(res: ServerResponse, reply: Exclude<Reply, 'hang' | 'destroy'>) {
  const status = reply.status ?? 200;
  const text = reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.raw === undefined && reply.json !== undefined) headers['content-type'] ??= 'application/json';
  res.writeHead(status, headers);
  res.end(text);
}

export async function startTestServer(
  initial: Handler = () => ({ json: {} }),
  port = 0,
): Promise<TestServer> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let counter = 0;

  const server = createServer((req, res) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight -= 1;
      }
    };
    res.on('close', finish);

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = req.url ?? '/';
      const cut = url.indexOf('?');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      if (rawBody !== '') {
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = rawBody;
        }
      }
      const recorded: RecordedRequest = {
        index: counter++,
        method: req.method ?? 'GET',
        path: cut === -1 ? url : url.slice(0, cut),
        rawQuery: cut === -1 ? '' : url.slice(cut + 1),
        query: parseQuery(cut === -1 ? '' : url.slice(cut + 1)),
        headers: req.headers,
        body,
        rawBody,
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      try {
        const reply = await handler(recorded);
        if (reply === 'hang') return;
        if (reply === 'destroy') {
          req.socket.destroy();
          return;
        }
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (!res.destroyed) send(res, reply);
      } catch (error) {
        if (!res.destroyed)
          send(res, { status: 599, json: { message: `test handler threw: ${String(error)}` } });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;

  return {
    origin,
    baseUrl: `${origin}/v2`,
    port: actualPort,
    requests,
    handle(next) {
      handler = next;
    },
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    reset() {
      requests.length = 0;
      counter = 0;
      peakInFlight = inFlight;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

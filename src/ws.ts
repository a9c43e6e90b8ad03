/**
 * GraphQL over WebSocket (`graphql-transport-ws`, the graphql-ws protocol) on the GraphQL path,
 * beside GraphQL over SSE. Operations run through Yoga's envelop pipeline (`yoga.getEnveloped`,
 * as in Yoga's graphql-ws recipe), so every envelop plugin (armor limits, the upstream budget,
 * masking, operation log, subscription caps) and the per-request context (authentication, scopes,
 * room confinement) are the same as over HTTP. `ws` and graphql-ws are imported on the first
 * upgrade only: a gateway that never sees a WebSocket never loads them.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from './logger.js';

/** The only subprotocol served; the legacy `graphql-ws` (subscriptions-transport-ws) is not. */
export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';
/** Close code for sockets ended by a gateway shutdown (RFC 6455 §7.4.1: "going away"). */
export const CLOSE_GOING_AWAY = 1001;

export interface WebSocketOptions {
  /** The HTTP path of GraphQL (`/graphql`). */
  path: string;
  /**
   * Origins (GATEWAY_CORS_ORIGINS) whose pages may open a socket. Browsers apply no CORS to
   * WebSockets, so a cross-site page is refused here; same-origin pages and non-browser clients
   * (no Origin header) are let through.
   */
  allowedOrigins: readonly string[];
  /** Largest message accepted, in bytes (GATEWAY_MAX_BODY_BYTES). */
  maxPayload: number;
  logger: Logger;
  /**
   * Runs one subscribe message through the gateway: returns the execution arguments (with the
   * enveloped `execute`/`subscribe` as rootValue) or the errors to send back.
   */
  prepare: (
    payload: {
      query?: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
    request: Request,
  ) => Promise<ExecutionArgs | readonly GraphQLError[]>;
  /** True once shutdown began: new upgrades get 503, like new HTTP requests get `Connection: close`. */
  draining?: () => boolean;
  /** Checks the connection's credentials once, at connection_init; false closes it with 4403. */
  authorize: (authorization: string | null) => Promise<boolean>;
}

type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };

/** The bearer credential of a connection: `connectionParams.authorization`, else the upgrade's header. */
function authorizationOf(
  params: Record<string, unknown> | undefined,
  request: IncomingMessage,
): string | null {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string' && fromParams !== '') return fromParams;
  return request.headers.authorization ?? null;
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, reason: string, message: string) {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

export function createWebSocketHandler(options: WebSocketOptions) {
  let server: Promise<WebSocketServer> | undefined;
  let closing = false;
  const sockets = new Set<WebSocket>();

  async function start(): Promise<WebSocketServer> {
    const [{ WebSocketServer }, { useServer }] = await Promise.all([
      import('ws'),
      import('graphql-ws/use/ws'),
    ]);
    const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
    wss.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    /** One AbortController per running operation: its signal is the operation's request signal. */
    const running = new WeakMap<object, Map<string, AbortController>>();
    useServer<Record<string, unknown>>(
      {
        // Never send internal error text to clients, whatever NODE_ENV says.
        isProd: true,
        execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
        subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
        onConnect: async (ctx) => {
          const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
          return options.authorize(authorization);
        },
        onSubscribe: async (ctx, id, payload) => {
          const controller = new AbortController();
          let byId = running.get(ctx);
          if (!byId) {
            byId = new Map();
            running.set(ctx, byId);
            ctx.extra.socket.once('close', () => {
              for (const c of byId?.values() ?? []) c.abort();
            });
          }
          byId.set(id, controller);
          const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
          const headers = new Headers();
          if (authorization) headers.set('authorization', authorization);
          const requestId = ctx.extra.request.headers['x-request-id'];
          if (typeof requestId === 'string') headers.set('x-request-id', requestId);
          const request = new Request(`http://gateway${options.path}`, {
            method: 'POST',
            headers,
            signal: controller.signal,
          });
          try {
            return await options.prepare(payload, request);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            options.logger.warn({ err: error }, 'websocket subscribe failed');
            return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
          }
        },
        onComplete: (ctx, id) => {
          const byId = running.get(ctx);
          byId?.get(id)?.abort();
          byId?.delete(id);
        },
      },
      wss,
    );
    return wss;
  }

  return {
    /** `server.on('upgrade', …)`: GraphQL over WebSocket on the GraphQL path; a clear refusal otherwise. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      const pathname = new URL(request.url ?? '/', 'http://gateway').pathname;
      if (closing || options.draining?.())
        return refuse(socket, 503, 'Service Unavailable', 'shutting down\n');
      if (pathname !== options.path)
        return refuse(socket, 404, 'Not Found', `WebSocket endpoint is ${options.path}\n`);
      const origin = request.headers.origin;
      if (origin && !sameOrigin(origin, request.headers.host) && !options.allowedOrigins.includes(origin)) {
        return refuse(
          socket,
          403,
          'Forbidden',
          `Origin ${origin} may not open a WebSocket (GATEWAY_CORS_ORIGINS)\n`,
        );
      }
      const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      if (!offered.includes(GRAPHQL_TRANSPORT_WS)) {
        return refuse(
          socket,
          400,
          'Bad Request',
          `Unsupported WebSocket subprotocol ${JSON.stringify(offered.filter(Boolean).join(', ') || 'none')}: ` +
            `this gateway speaks ${GRAPHQL_TRANSPORT_WS} (the graphql-ws library, Apollo's GraphQLWsLink, urql's ` +
            `subscriptionExchange with graphql-ws). Set Sec-WebSocket-Protocol: ${GRAPHQL_TRANSPORT_WS}, or subscribe ` +
            'over SSE (POST or GET with Accept: text/event-stream).\n',
        );
      }
      server ??= start();
      server.then(
        (wss) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
        (error: unknown) => {
          options.logger.error({ err: error }, 'WebSocket server failed to start');
          refuse(socket, 500, 'Internal Server Error', 'WebSocket transport unavailable\n');
        },
      );
    },
    /** Attaches to a node:http server. */
    attach(http: Server) {
      http.on('upgrade', (request, socket, head) => this.handleUpgrade(request, socket, head));
    },
    /** Closes every socket with 1001 (going away) and refuses new upgrades. */
    async close() {
      closing = true;
      for (const socket of sockets) socket.close(CLOSE_GOING_AWAY, 'server shutting down');
      const wss = await server?.catch(() => undefined);
      await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
    },
    get openSockets() {
      return sockets.size;
    },
  };
}

export type WebSocketHandler = ReturnType<typeof createWebSocketHandler>;

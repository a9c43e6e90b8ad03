/**
 * A tiny router keyed by route templates (`/v2/rooms/{id}`). The template is also the stats and
 * fault key, so counting and fault injection see exactly what the handler saw.
 */
import { type Body, badRequest, type Query } from './http.js';
import type { Store } from './store.js';

export interface RouteContext {
  store: Store;
  /** Decoded path parameters by name. */
  params: Record<string, string>;
  query: Query;
  /** The parsed JSON body, `undefined` when there was none. */
  rawBody: unknown;
  /** The body as a strict object view; 400 unless it is a JSON object (or absent). */
  body(): Body;
}

/** A handler returns a plain body for 200, or a `Reply` for anything else. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const reply = (status: number, body: unknown) => new Reply(status, body);

export type Handler = (ctx: RouteContext) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  template: string;
  handler: Handler;
  segments: string[];
  /** Literal segments count: more specific templates win over parameterised ones. */
  specificity: number;
}

export function route(method: Route['method'], template: string, handler: Handler): Route {
  const segments = template.split('/').filter(Boolean);
  return {
    method,
    template,
    handler,
    segments,
    specificity: segments.filter((segment) => !segment.startsWith('{')).length,
  };
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  readonly #routes: Route[];

  constructor(routes: Route[]) {
    this.#routes = [...routes].sort((a, b) => b.specificity - a.specificity);
  }

  /** Segments are percent-decoded; malformed escapes are a 400, not a crash. */
  match(method: string, path: string): Match | undefined {
    const raw = path.split('/').filter(Boolean);
    let parts: string[];
    try {
      parts = raw.map((segment) => decodeURIComponent(segment));
    } catch {
      throw badRequest('Invalid path', 'malformed percent-encoding in the path');
    }
    // A trailing slash is a different route to the real API's router: no silent leniency.
    if (path.length > 1 && path.endsWith('/')) return undefined;
    for (const candidate of this.#routes) {
      if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const want = candidate.segments[i] as string;
        const got = parts[i] as string;
        if (want.startsWith('{')) params[want.slice(1, -1)] = got;
        else if (want !== got) {
          ok = false;
          break;
        }
      }
      if (ok) return { route: candidate, params };
    }
    return undefined;
  }
}

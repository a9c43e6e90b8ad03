/**
 * Helpers for webhooks and subscriptions: an SSE client that reads GraphQL over SSE
 * (`Accept: text/event-stream`; POST, or GET with the operation in the URL as GraphiQL sends it),
 * 100ms webhook envelopes, and polling for a condition with no deadline of its own (the test
 * timeout is the only bound).
 */
import { randomUUID } from 'node:crypto';
import type { ErrorExtensions } from './stack.js';

/** What tests read of a `RoomEvent` (or `events`) payload; other selected fields stay `unknown`. */
export interface EventData {
  __typename?: string;
  eventId?: string;
  type?: string;
  roomId?: string;
  status?: string;
  session?: { hmsId?: string; active?: boolean } | null;
  assetIds?: string[];
  assets?: Array<{ type?: string; outputMode?: string }>;
  [field: string]: unknown;
}

export interface SseMessage {
  data?: Record<string, EventData | undefined> | null;
  errors?: Array<{ message: string; extensions?: ErrorExtensions }>;
}

/** The gateway's answer to a webhook delivery. */
export interface WebhookAnswer {
  ok?: boolean;
  duplicate?: boolean;
  ignored?: boolean;
  [field: string]: unknown;
}

export interface SseSubscription {
  status: number;
  /** The next `next` event's payload; null once the server completed the stream. */
  next(): Promise<SseMessage | null>;
  close(): void;
}

export async function sseSubscribe(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  method: 'POST' | 'GET' = 'POST',
): Promise<SseSubscription> {
  const controller = new AbortController();
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response =
    method === 'GET'
      ? await fetch(`${baseUrl}/graphql?${params}`, {
          headers: { accept: 'text/event-stream', ...headers },
          signal: controller.signal,
        })
      : await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
          body: JSON.stringify({ query, variables }),
          signal: controller.signal,
        });
  const queue: Array<SseMessage | null> = [];
  const waiting: Array<(message: SseMessage | null) => void> = [];
  const deliver = (message: SseMessage | null) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  };
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    // An error before the stream started (401, 400): one JSON answer.
    deliver((await response.json()) as SseMessage);
    deliver(null);
  } else {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const event = lines
              .find((l) => l.startsWith('event:'))
              ?.slice(6)
              .trim();
            const data = lines
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5).trim())
              .join('\n');
            if (event === 'next') deliver(JSON.parse(data) as SseMessage);
            if (event === 'complete') deliver(null);
          }
        }
      } catch {
        // aborted by close()
      }
      deliver(null);
    })();
  }
  return {
    status: response.status,
    next: () =>
      new Promise((resolve) => {
        if (queue.length > 0) resolve(queue.shift() ?? null);
        else waiting.push(resolve);
      }),
    close: () => controller.abort(),
  };
}

/** Polls until `check` holds. Deliberately no deadline: the test's timeout bounds it. */
export async function until(check: () => boolean | Promise<boolean>, everyMs = 10): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

export function envelope(type: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    version: '2.0',
    id: randomUUID(),
    account_id: '64f0c0ffee5eed0000acc001',
    app_id: '64f0c0ffee5eed0000a99001',
    timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    type,
    data,
    ...extra,
  };
}

export async function postWebhook(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: WebhookAnswer }> {
  const response = await fetch(`${baseUrl}/webhooks/100ms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: WebhookAnswer = {};
  try {
    parsed = JSON.parse(text) as WebhookAnswer;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

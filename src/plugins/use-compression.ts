/**
 * Compressed answers (brotli or gzip, as the client's Accept-Encoding allows) for GraphQL JSON
 * answers above a threshold and for the GraphiQL page, which is also cacheable: it carries an
 * ETag and a matching If-None-Match gets a 304 with no body.
 *
 * Why not `useContentEncoding` from @whatwg-node/server (what Yoga offers): it pipes every body
 * through a CompressionStream, including SSE (a compression stream buffers small events and
 * never flushes them; Hive Gateway wraps it to skip text/event-stream for that reason), has no
 * size threshold, ignores q-values, and would recompress the 9 MB GraphiQL page on every load.
 * Here a GraphQL answer is already a complete string, so it is compressed in one call; the page
 * is compressed once per distinct page (in the zlib thread pool) and served from memory.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { type BrotliOptions, brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip';

export interface CompressionOptions {
  /** Answers smaller than this many bytes go uncompressed (the saving would not pay). @default 1024 */
  thresholdBytes?: number;
  /**
   * Brotli quality for GraphQL answers, compressed per request: 4 compresses JSON better than
   * gzip's default at about the same CPU. @default 4
   */
  brotliQuality?: number;
  /** Brotli quality for the GraphiQL page, compressed once and kept. @default 6 */
  pageBrotliQuality?: number;
  /** Distinct GraphiQL pages kept compressed (one per set of GraphiQL options). @default 4 */
  pageCacheEntries?: number;
}

export const DEFAULT_COMPRESSION: Required<CompressionOptions> = {
  thresholdBytes: 1024,
  brotliQuality: 4,
  pageBrotliQuality: 6,
  pageCacheEntries: 4,
};

/** GraphQL answers (single results); SSE (text/event-stream) and multipart streams never match. */
const JSON_TYPE = /^application\/(?:graphql-response\+)?json\b/i;
const HTML_TYPE = /^text\/html\b/i;
/** Above this, compress in the zlib thread pool rather than on the event loop. */
const SYNC_LIMIT_BYTES = 256 * 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3): the highest
 * q-value among br and gzip (`*` stands for both), br on a tie; null for none (identity).
 */
export function negotiateEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const q: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') weight = Number(value);
    }
    if (name && Number.isFinite(weight)) q[name] = weight;
  }
  const weightOf = (encoding: Encoding) => q[encoding] ?? q['*'] ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

function brotliOptions(quality: number, size: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

function compress(body: Buffer, encoding: Encoding, quality: number): Buffer | Promise<Buffer> {
  const sync = body.length <= SYNC_LIMIT_BYTES;
  if (encoding === 'br') {
    const options = brotliOptions(quality, body.length);
    return sync ? brotliCompressSync(body, options) : brotliAsync(body, options);
  }
  return sync ? gzipSync(body) : gzipAsync(body);
}

/** A Buffer as a response body, without copying (zlib never hands out shared memory). */
const bytes = (buffer: Buffer) =>
  new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);

function addVary(headers: Headers) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/\baccept-encoding\b/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/** True when If-None-Match lists `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

interface Page {
  identity: Buffer;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

export function useCompression(options: CompressionOptions = {}): Plugin {
  const { thresholdBytes, brotliQuality, pageBrotliQuality, pageCacheEntries } = {
    ...DEFAULT_COMPRESSION,
    ...options,
  };
  // Insertion-ordered: the oldest page is dropped first.
  const pages = new Map<string, Page>();

  function pageEncoded(etag: string, page: Page, encoding: Encoding): Promise<Buffer> {
    let encoded = page.encoded[encoding];
    if (!encoded) {
      encoded = Promise.resolve(compress(page.identity, encoding, pageBrotliQuality));
      // A failed compression is not cached: the next load tries again.
      encoded.catch(() => {
        if (pages.get(etag)?.encoded[encoding] === encoded) delete page.encoded[encoding];
      });
      page.encoded[encoding] = encoded;
    }
    return encoded;
  }

  return {
    // Synchronous until there is something to compress: an async hook costs every response a
    // promise, and most answers (small, or to clients that do not ask) are sent as they are.
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      if (response.status === 204 || response.status === 304) return;
      const type = response.headers.get('content-type') ?? '';
      const isPage = HTML_TYPE.test(type) && request.method === 'GET' && response.status === 200;
      if (!isPage && !JSON_TYPE.test(type)) return;
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (isPage) return servePage(encoding);
      addVary(response.headers);
      if (!encoding) return;
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared < thresholdBytes) return;
      return compressJson(encoding);

      async function servePage(encoding: Encoding | null) {
        const identity = Buffer.from(await response.arrayBuffer());
        const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
        let page = pages.get(etag);
        if (!page) {
          page = { identity, encoded: {} };
          pages.set(etag, page);
          if (pages.size > pageCacheEntries) pages.delete(pages.keys().next().value as string);
        }
        const headers = new fetchAPI.Headers(response.headers);
        headers.set('etag', etag);
        // Revalidate on every load: the page names a default room, and a 304 is cheap.
        headers.set('cache-control', 'no-cache');
        addVary(headers);
        if (matches(request.headers.get('if-none-match'), etag)) {
          headers.delete('content-type');
          headers.delete('content-length');
          setResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        const compressed = encoding !== null && identity.length >= thresholdBytes;
        const body = compressed ? await pageEncoded(etag, page, encoding) : page.identity;
        if (compressed) headers.set('content-encoding', encoding);
        headers.set('content-length', String(body.length));
        setResponse(new fetchAPI.Response(bytes(body), { status: 200, headers }));
      }

      async function compressJson(encoding: Encoding) {
        const identity = Buffer.from(await response.arrayBuffer());
        const headers = new fetchAPI.Headers(response.headers);
        if (identity.length < thresholdBytes) {
          // The body was read to measure it: answer with the same bytes, uncompressed.
          headers.set('content-length', String(identity.length));
          setResponse(new fetchAPI.Response(bytes(identity), { status: response.status, headers }));
          return;
        }
        const body = await compress(identity, encoding, brotliQuality);
        headers.set('content-encoding', encoding);
        headers.set('content-length', String(body.length));
        setResponse(new fetchAPI.Response(bytes(body), { status: response.status, headers }));
      }
    },
  };
}

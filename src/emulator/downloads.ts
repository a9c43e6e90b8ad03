/**
 * The bytes behind the emulator's presigned URLs, so a demo's "Download" works offline. 100ms
 * hands out S3 presigned URLs (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/get-presigned-url);
 * the emulator's point at its own origin instead (`/__downloads/<bucket>/<key>`), keep S3's query
 * shape (`X-Amz-Date`, `X-Amz-Expires`, `X-Amz-Signature`) and are honoured the way S3 honours
 * them: 403 once expired, 403 for a signature that does not match. The files are small, valid
 * stand-ins of each asset type (an MP4 container, MP3 frames of silence, a chat CSV, transcripts
 * in txt/srt/json, a JSON summary, a zip with an HLS playlist); the asset's `size` stays what
 * the API reports.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import { type Micros, US_PER_MS, US_PER_SECOND } from './time.js';

export const DOWNLOADS_PREFIX = '/__downloads/';

export interface Presigner {
  /** e.g. `http://127.0.0.1:4010`. */
  origin: string;
  /** HMAC key for the signatures (derived from the emulator's secret). */
  key: string;
}

function amzDate(at: Micros): string {
  return new Date(Math.floor(at / US_PER_MS))
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function parseAmzDate(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

function sign(key: string, object: string, date: string, expires: string): string {
  return createHmac('sha256', key).update(`${object}\n${date}\n${expires}`).digest('hex');
}

/** `s3://bucket/key` → a URL on the emulator that serves it until `at + expirySeconds`. */
export function presign(signer: Presigner, path: string, expirySeconds: number, at: Micros): string {
  if (!path) return '';
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(path);
  const bucket = match?.[1] ?? 'hms-recordings';
  const key = match?.[2] ?? path;
  const date = amzDate(at);
  const expires = String(expirySeconds);
  const signature = sign(signer.key, `${bucket}/${key}`, date, expires);
  const encoded = [bucket, ...key.split('/')].map(encodeURIComponent).join('/');
  return (
    `${signer.origin}${DOWNLOADS_PREFIX}${encoded}?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
    `&X-Amz-Credential=AKIAEMULATOR%2F${date.slice(0, 8)}%2Fap-south-1%2Fs3%2Faws4_request` +
    `&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`
  );
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers a `/__downloads/...` request: the file, or S3's 403/404/405. */
export function serveDownload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  signer: Presigner,
  now: Micros,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    s3Error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    return;
  }
  let parts: string[];
  try {
    parts = url.pathname.slice(DOWNLOADS_PREFIX.length).split('/').map(decodeURIComponent);
  } catch {
    s3Error(res, 400, 'InvalidURI', 'Could not parse the specified URI.');
    return;
  }
  const [bucket, ...keyParts] = parts;
  const key = keyParts.join('/');
  const date = url.searchParams.get('X-Amz-Date') ?? '';
  const expires = url.searchParams.get('X-Amz-Expires') ?? '';
  const given = url.searchParams.get('X-Amz-Signature') ?? '';
  const expected = sign(signer.key, `${bucket}/${key}`, date, expires);
  const signedAt = parseAmzDate(date);
  if (
    !bucket ||
    !key ||
    signedAt === null ||
    !/^\d{1,9}$/.test(expires) ||
    given.length !== expected.length ||
    !timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  ) {
    s3Error(
      res,
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
    return;
  }
  if (now > signedAt * US_PER_MS + Number(expires) * US_PER_SECOND) {
    s3Error(res, 403, 'AccessDenied', 'Request has expired');
    return;
  }
  const file = fileFor(key);
  if (!file) {
    s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    return;
  }
  const name = key.split('/').at(-1) ?? 'download';
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.length,
    'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`,
    'cache-control': 'private, max-age=0',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/* ---------------------------------------------------------------- the files */

interface File {
  contentType: string;
  body: Buffer;
}

/** By extension (and, for JSON, whether the key is a summary's). */
export function fileFor(key: string): File | undefined {
  const ext = key.split('.').at(-1)?.toLowerCase();
  switch (ext) {
    case 'mp4':
      return { contentType: 'video/mp4', body: MP4 };
    case 'mp3':
      return { contentType: 'audio/mpeg', body: MP3 };
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', body: Buffer.from(CHAT_CSV) };
    case 'txt':
      return { contentType: 'text/plain; charset=utf-8', body: Buffer.from(TRANSCRIPT_TXT) };
    case 'srt':
      return { contentType: 'application/x-subrip; charset=utf-8', body: Buffer.from(TRANSCRIPT_SRT) };
    case 'vtt':
      return { contentType: 'text/vtt; charset=utf-8', body: Buffer.from(TRANSCRIPT_VTT) };
    case 'json':
      return {
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify(/summary-/.test(key) ? SUMMARY : TRANSCRIPT_JSON, null, 2)),
      };
    case 'zip':
      return { contentType: 'application/zip', body: HLS_ZIP };
    default:
      return undefined;
  }
}

const LINES: Array<[number, number, string, string]> = [
  [1, 3.5, 'Alice Nakamura', 'Good morning, everyone. Let us go round quickly.'],
  [4, 8, 'Bob Okafor', 'The payments migration is done; I am on the retry queue today.'],
  [8.5, 12, 'Carol Lindqvist', 'I am blocked on the staging database, waiting for access.'],
  [12.5, 15, 'Alice Nakamura', 'I will sort out the access after this call. Thanks, all.'],
];

const clock = (s: number, sep: string) => {
  const ms = Math.round(s * 1000);
  const hh = String(Math.floor(ms / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor(ms / 60_000) % 60).padStart(2, '0');
  const ss = String(Math.floor(ms / 1000) % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${sep}${String(ms % 1000).padStart(3, '0')}`;
};

const CHAT_CSV = [
  'timestamp,sender_peer_id,sender_user_id,sender_name,sender_role,recipient,message',
  '2025-11-03T09:31:02Z,6a1f3c2e-0000-4000-8000-000000000001,user-alice,Alice Nakamura,host,everyone,Agenda is in the doc',
  '2025-11-03T09:33:40Z,6a1f3c2e-0000-4000-8000-000000000002,user-bob,Bob Okafor,guest,everyone,"PR is up, reviews welcome"',
  '',
].join('\n');
const TRANSCRIPT_TXT = `${LINES.map(([, , who, text]) => `${who}: ${text}`).join('\n')}\n`;
const TRANSCRIPT_SRT = LINES.map(
  ([from, to, who, text], i) => `${i + 1}\n${clock(from, ',')} --> ${clock(to, ',')}\n${who}: ${text}\n`,
).join('\n');
const TRANSCRIPT_VTT = `WEBVTT\n\n${LINES.map(
  ([from, to, who, text]) => `${clock(from, '.')} --> ${clock(to, '.')}\n<v ${who}>${text}\n`,
).join('\n')}`;
const TRANSCRIPT_JSON = {
  sentences: LINES.map(([start, end, speaker_name, text]) => ({ speaker_name, start, end, text })),
};
const SUMMARY = {
  sections: [
    {
      title: 'Short Summary',
      format: 'paragraph',
      paragraph: 'A quick stand-up: the payments migration is done and staging access is the one blocker.',
    },
    {
      title: 'Action Items',
      format: 'bullets',
      bullets: ['Alice: grant Carol access to the staging database', 'Bob: finish the retry queue'],
    },
  ],
};

/* An ISO BMFF (MP4) file: ftyp, then a moov with one video track of no samples. */

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    out.writeUInt32BE(v >>> 0, i * 4);
  });
  return out;
}

const u16 = (...values: number[]) => {
  const out = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => {
    out.writeUInt16BE(v, i * 2);
  });
  return out;
};

const MATRIX = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
const fullBox = (type: string, flags: number, ...parts: Buffer[]) => box(type, u32(flags), ...parts);

const MP4 = Buffer.concat([
  box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2mp41', 'latin1')),
  box(
    'moov',
    fullBox(
      'mvhd',
      0,
      u32(0, 0, 1000, 1000, 0x10000),
      u16(0x100, 0),
      u32(0, 0),
      MATRIX,
      Buffer.alloc(24),
      u32(2),
    ),
    box(
      'trak',
      fullBox('tkhd', 3, u32(0, 0, 1, 0, 1000, 0, 0), u16(0, 0, 0, 0), MATRIX, u32(16 << 16, 16 << 16)),
      box(
        'mdia',
        fullBox('mdhd', 0, u32(0, 0, 1000, 1000), u16(0x55c4, 0)),
        fullBox(
          'hdlr',
          0,
          u32(0),
          Buffer.from('vide', 'latin1'),
          u32(0, 0, 0),
          Buffer.from('VideoHandler\0'),
        ),
        box(
          'minf',
          fullBox('vmhd', 1, u16(0, 0, 0, 0)),
          box('dinf', fullBox('dref', 0, u32(1), fullBox('url ', 1))),
          box(
            'stbl',
            fullBox('stsd', 0, u32(0)),
            fullBox('stts', 0, u32(0)),
            fullBox('stsc', 0, u32(0)),
            fullBox('stsz', 0, u32(0, 0)),
            fullBox('stco', 0, u32(0)),
          ),
        ),
      ),
    ),
  ),
]);

/** Ten MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) of silence. */
const MP3 = Buffer.concat(
  Array.from({ length: 10 }, () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0xc4]), Buffer.alloc(413)])),
);

/** A zip (stored, no compression) holding an HLS VOD playlist. */
function storedZip(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const dosDate = 0x21; // 1980-01-01
  // Zip is little-endian: fields are written in place; zero bytes stand for the unused ones.
  const header = (size: number) => Buffer.alloc(size);
  // The local header and the central directory entry share this run, from "version needed" to the name length.
  const entry = (b: Buffer, at: number) => {
    b.writeUInt16LE(20, at); // version needed to extract
    b.writeUInt16LE(0, at + 2); // flags
    b.writeUInt16LE(0, at + 4); // method: stored
    b.writeUInt16LE(0, at + 6); // time
    b.writeUInt16LE(dosDate, at + 8);
    b.writeUInt32LE(crc, at + 10);
    b.writeUInt32LE(content.length, at + 14);
    b.writeUInt32LE(content.length, at + 18);
    b.writeUInt16LE(fileName.length, at + 22);
  };
  const lh = header(30);
  lh.writeUInt32LE(0x04034b50, 0);
  entry(lh, 4);
  lh.writeUInt16LE(0, 28);
  const cd = header(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4); // version made by
  entry(cd, 6);
  // extra, comment, disk start, internal and external attributes, local header offset: all 0
  const localPart = Buffer.concat([lh, fileName, content]);
  const central = Buffer.concat([cd, fileName]);
  const end = header(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, central, end]);
}

const HLS_ZIP = storedZip(
  'playlist.m3u8',
  Buffer.from(
    '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-ENDLIST\n',
  ),
);

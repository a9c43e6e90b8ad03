/**
 * The emulator serves the files behind its presigned URLs itself (demo downloads work offline):
 * every seeded asset type is fetched over HTTP and checked for a valid file of its kind, and the
 * URL's expiry and signature are honoured with S3's 403s.
 */
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { type Harness, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let nowMs = Date.now();

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(nowMs) });
});
afterAll(() => h.close());

async function presigned(assetId: string, duration?: number): Promise<string> {
  const answer = await h.raw(
    `/recording-assets/${assetId}/presigned-url${duration ? `?presign_duration=${duration}` : ''}`,
  );
  expect(answer.status).toBe(200);
  return answer.json.url as string;
}

function extensionOf(path: string): string {
  return path.split('.').at(-1) ?? '';
}

/** What a valid file of each extension looks like. */
function checkFile(ext: string, type: string, bytes: Buffer): void {
  switch (ext) {
    case 'mp4': {
      // ISO BMFF: a `ftyp` box first, then a `moov` box holding `mvhd`.
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
      const ftypSize = bytes.readUInt32BE(0);
      expect(bytes.subarray(ftypSize + 4, ftypSize + 8).toString('latin1')).toBe('moov');
      expect(ftypSize + bytes.readUInt32BE(ftypSize)).toBe(bytes.length);
      expect(bytes.includes(Buffer.from('mvhd'))).toBe(true);
      break;
    }
    case 'mp3':
      // MPEG-1 Layer III frame sync.
      expect([bytes[0], (bytes[1] ?? 0) & 0xfe]).toEqual([0xff, 0xfa]);
      break;
    case 'zip': {
      expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
      expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
      const nameLength = bytes.readUInt16LE(26);
      const size = bytes.readUInt32LE(18);
      const method = bytes.readUInt16LE(8);
      const data = bytes.subarray(30 + nameLength, 30 + nameLength + size);
      const content = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      expect(content).toMatch(/^#EXTM3U/);
      break;
    }
    case 'csv':
      expect(bytes.toString('utf8').split('\n')[0]).toMatch(/^timestamp,/);
      break;
    case 'srt':
      expect(bytes.toString('utf8')).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n/);
      break;
    case 'txt':
      expect(bytes.toString('utf8').trim().length).toBeGreaterThan(0);
      break;
    case 'json': {
      const parsed = JSON.parse(bytes.toString('utf8'));
      expect(parsed).toHaveProperty(type === 'summary' ? 'sections' : 'sentences');
      break;
    }
    default:
      throw new Error(`no check for .${ext}`);
  }
}

describe('downloads behind presigned URLs', () => {
  it('serves a small valid file for every seeded asset type from 127.0.0.1, outside the /v2 counters', async () => {
    const assets = h.emulator.state.assets().filter((a) => a.status === 'completed');
    const kinds = new Map<string, (typeof assets)[number]>();
    for (const asset of assets) kinds.set(`${asset.type}.${extensionOf(asset.path)}`, asset);
    expect([...kinds.keys()].sort()).toEqual(
      [
        'chat.csv',
        'room-composite.mp3',
        'room-composite.mp4',
        'room-vod.zip',
        'summary.json',
        'transcript.json',
        'transcript.srt',
        'transcript.txt',
      ].sort(),
    );
    for (const asset of kinds.values()) {
      const url = await presigned(asset.id);
      expect(new URL(url).hostname).toBe('127.0.0.1');
      const before = h.emulator.stats().total;
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      checkFile(extensionOf(asset.path), asset.type, Buffer.from(await response.arrayBuffer()));
      expect(h.emulator.stats().total).toBe(before);
    }
  });

  it('serves the presigned URLs analytics events carry, for their 24 h', async () => {
    const roomId = (h.emulator.state.room(SEED_ROOMS.live)?.id ?? '') as string;
    const events = h.emulator.state.events(roomId).filter((e) => e.type === 'beam.recording.success');
    // The newest is the live session's recording, minutes old; the oldest are weeks old: expired.
    const newest = events.at(-1)?.data.recording_presigned_url as string;
    const oldest = events.at(0)?.data.recording_presigned_url as string;
    expect(newest).toMatch(/\/__downloads\//);
    expect((await fetch(newest)).status).toBe(200);
    expect((await fetch(oldest)).status).toBe(403);
  });

  it('answers 403 once the URL has expired', async () => {
    const asset = h.emulator.state.assets().find((a) => a.type === 'chat');
    const url = await presigned(asset?.id as string, 60);
    expect((await fetch(url)).status).toBe(200);
    const start = nowMs;
    try {
      nowMs += 61_000;
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code>.*Request has expired/);
    } finally {
      nowMs = start;
    }
  });

  it('answers 403 for a forged signature, another object or a stretched expiry', async () => {
    const asset = h.emulator.state.assets().find((a) => a.type === 'transcript');
    const url = new URL(await presigned(asset?.id as string, 60));
    const signature = url.searchParams.get('X-Amz-Signature') as string;
    const forged = new URL(url);
    forged.searchParams.set(
      'X-Amz-Signature',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    );
    const stretched = new URL(url);
    stretched.searchParams.set('X-Amz-Expires', '604800');
    const other = new URL(url);
    other.pathname = other.pathname.replace(/\.(\w+)$/, '.csv');
    const unsigned = new URL(url);
    unsigned.search = '';
    for (const bad of [forged, stretched, other, unsigned]) {
      const response = await fetch(bad);
      expect(response.status, bad.toString()).toBe(403);
      expect(await response.text()).toMatch(/SignatureDoesNotMatch/);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });
});

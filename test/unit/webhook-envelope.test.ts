import { describe, expect, it } from 'vitest';
import { assetIdsOf, interpret, PUBLISHED_TYPES, parseEnvelope } from '../../src/webhooks/envelope.js';

const base = {
  version: '2.0',
  id: '2c3c0d0e-6f0a-4b7e-9d7e-0a1b2c3d4e5f',
  app_id: '64f0c0ffee5eed0000a99001',
  account_id: '64f0c0ffee5eed0000acc001',
  timestamp: '2026-01-02T03:04:05Z',
  type: 'peer.join.success',
  data: { room_id: '64f0c0ffee5eed0000r00m01', session_id: '64f0c0ffee5eed0000se5501', peer_id: 'p' },
};

describe('parseEnvelope', () => {
  it('accepts the documented envelope, with or without is_replay and version', () => {
    const parsed = parseEnvelope(base);
    expect(parsed).toEqual({
      ok: true,
      value: {
        version: '2.0',
        id: base.id,
        type: base.type,
        timestamp: base.timestamp,
        isReplay: false,
        data: base.data,
      },
    });
    const { version: _version, ...legacy } = base;
    expect(parseEnvelope({ ...legacy, is_replay: true })).toMatchObject({
      ok: true,
      value: { isReplay: true },
    });
  });

  it('names the broken field without echoing its value', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /JSON object/],
      [[base], /JSON object/],
      [{ ...base, id: undefined }, /`id`/],
      [{ ...base, id: '<script>alert(1)</script>' }, /`id`/],
      [{ ...base, type: 'PEER JOIN' }, /`type`/],
      [{ ...base, type: 'single' }, /`type`/],
      [{ ...base, timestamp: 12 }, /`timestamp`/],
      [{ ...base, data: null }, /`data`/],
      [{ ...base, version: 2 }, /`version`/],
      [{ ...base, is_replay: 1 }, /`is_replay`/],
    ];
    for (const [body, problem] of cases) {
      const parsed = parseEnvelope(body);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem).toMatch(problem);
        expect(parsed.problem).not.toContain('alert');
      }
    }
  });
});

describe('interpret', () => {
  const envelope = (type: string, data: Record<string, unknown>) => {
    const parsed = parseEnvelope({ ...base, type, data });
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  };

  it('returns null for types the gateway does not handle', () => {
    expect(interpret(envelope('track.add.success', { room_id: 'r' }))).toBeNull();
    expect(interpret(envelope('some.future.event', {}))).toBeNull();
  });

  it('requires a room id for every handled type', () => {
    expect(interpret(envelope('session.open.success', {}))).toMatchObject({ ok: false });
    expect(interpret(envelope('session.open.success', { room_id: 'a b' }))).toMatchObject({ ok: false });
  });

  it('maps each type to its stale cache entries', () => {
    const stale = (type: string, data: Record<string, unknown>) => {
      const result = interpret(envelope(type, { room_id: 'room', session_id: 'sess', ...data }));
      if (!result?.ok) throw new Error('expected a handled type');
      return result.value.stale;
    };
    expect(stale('peer.join.success', {})).toEqual([['session', 'sess']]);
    expect(stale('session.close.success', {})).toEqual([
      ['session', 'sess'],
      ['recordingsBySession', 'sess'],
      ['liveStreamsBySession', 'sess'],
      ['externalStreamsBySession', 'sess'],
      ['assetsBySession', 'sess'],
    ]);
    expect(stale('room.end.success', { lock_room: true })).toEqual([
      ['session', 'sess'],
      ['room', 'room'],
    ]);
    expect(
      stale('hls.recording.success', { beam_id: 'b', recording_single_files: [{ asset_id: 'l0' }] }),
    ).toEqual([
      ['liveStream', 'b'],
      ['liveStreamsBySession', 'sess'],
      ['assetsBySession', 'sess'],
      ['recordingAsset', 'l0'],
    ]);
    expect(stale('transcription.failure', { recording_id: 'rec' })).toContainEqual(['recording', 'rec']);
  });

  it('publishes typed events only, without presigned URLs', () => {
    const result = interpret(
      envelope('beam.recording.success', {
        room_id: 'room',
        recording_presigned_url: 'https://x?sig',
        chat_recording_presigned_url: 'https://y?sig',
        location: 'https://z?sig',
        size: 5,
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { publish: true } });
    if (result?.ok) expect(result.value.event.data).toEqual({ room_id: 'room', size: 5 });
    expect(interpret(envelope('recording.failed', { room_id: 'room' }))).toMatchObject({
      ok: true,
      value: { publish: false },
    });
    expect(PUBLISHED_TYPES).toContain('transcription.success');
    expect(PUBLISHED_TYPES).toContain('transcription.failure');
    expect(PUBLISHED_TYPES).toContain('ingest.start.failure');
    expect(PUBLISHED_TYPES).not.toContain('recording.failed');
  });

  it('collects asset ids from recordings, HLS single files and transcripts', () => {
    expect(assetIdsOf('beam.recording.success', { recording_id: 'a' })).toEqual(['a']);
    expect(assetIdsOf('beam.started.success', { recording_id: 'a' })).toEqual([]);
    expect(
      assetIdsOf('hls.recording.success', {
        recording_id: 'vod',
        recording_single_files: [{ asset_id: 'l0' }, { asset_id: 'l1' }, 'junk', { asset_id: 'l0' }],
      }),
    ).toEqual(['vod', 'l0', 'l1']);
    expect(
      assetIdsOf('transcription.success', {
        transcript_json_asset_id: 'j',
        transcript_srt_asset_id: '',
        summary_json_asset_id: 's',
      }),
    ).toEqual(['j', 's']);
  });
});

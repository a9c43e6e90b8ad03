/**
 * The room side that REST cannot drive: peers joining and leaving, recordings started the way a
 * host's SDK would, poll answers, RTMP ingest. Every step goes through the store, so it produces
 * the same state, analytics and webhooks a real room would.
 */
import type { Recording } from '../hms/types.js';
import { startActivity } from './activity.js';
import { renderActivePeerWithTracks, renderJob, renderSession } from './render.js';
import { jobsOf, resolveMeetingUrl, startPreconditions } from './routes/jobs.js';
import { createRecordingJob } from './routes/recordings.js';
import { activeKey, endIngest } from './routes/stream-keys.js';
import { LIVE_JOB_STATUSES, type Store } from './store.js';
import type { EmulatorSimulation, EmulatorState } from './types.js';

export function createSimulation(
  current: () => Store,
  state: EmulatorState,
  activities: Set<{ stop(): void }>,
): EmulatorSimulation {
  const findRoomRecord = (roomId: string) => {
    const room = current().rooms.get(roomId);
    if (!room) throw new Error(`emulator: no room ${roomId}`);
    return room;
  };

  const simulate: EmulatorSimulation = {
    startSession(roomId, peers = [{ name: 'Host', role: 'host' }]) {
      const store = current();
      const room = findRoomRecord(roomId);
      store.settleJobs();
      const session = store.startSession(room);
      for (const peer of peers) simulate.joinPeer(roomId, peer);
      return renderSession(store, session);
    },
    joinPeer(roomId, peer) {
      const store = current();
      const room = findRoomRecord(roomId);
      if (!store.templateOf(room).roles[peer.role])
        throw new Error(`emulator: role ${peer.role} is not in the room's template`);
      const session = store.startSession(room);
      const record = store.joinPeer(session, {
        name: peer.name,
        role: peer.role,
        userId: peer.userId ?? `user-${store.newUuid().slice(0, 8)}`,
        ...(peer.metadata !== undefined ? { metadata: peer.metadata } : {}),
      });
      return renderActivePeerWithTracks(record);
    },
    leavePeer(roomId, peerId, reason = 'client request') {
      const store = current();
      const session = store.activeSession(roomId);
      const peer = session?.peers.find((candidate) => candidate.id === peerId && candidate.leftAt === null);
      if (!session || !peer) throw new Error(`emulator: no active peer ${peerId} in room ${roomId}`);
      store.settleJobs();
      store.leavePeer(session, peer, reason);
    },
    startRecording(roomId, recordingOptions = {}) {
      const store = current();
      store.settleJobs();
      const { room, session } = startPreconditions(store, 'recording', roomId);
      let meetingUrl: string;
      try {
        meetingUrl = resolveMeetingUrl(store, room, undefined);
      } catch {
        meetingUrl = `https://emulator.invalid/meeting/${room.id}`;
      }
      const job = createRecordingJob(store, room, session, {
        meetingUrl,
        transcription: recordingOptions.transcription
          ? { enabled: true, modes: ['recorded'], summary: { enabled: true } }
          : null,
      });
      if (recordingOptions.failTranscription) job.transcriptionFails = true;
      return renderJob(store, job, true) as Recording;
    },
    startPoll(roomId, pollId) {
      const store = current();
      const session = store.activeSession(findRoomRecord(roomId).id);
      if (!session) throw new Error(`emulator: room ${roomId} has no live session`);
      if (!store.polls.has(pollId)) throw new Error(`emulator: no poll ${pollId}`);
      return store.startPoll(pollId, session).id;
    },
    answerPoll(roomId, pollId, peerId, answer) {
      const store = current();
      const session = store.activeSession(findRoomRecord(roomId).id);
      const peer = session?.peers.find((p) => p.id === peerId && p.leftAt === null);
      if (!session || !peer) throw new Error(`emulator: no active peer ${peerId} in room ${roomId}`);
      store.settlePolls();
      const run = [...store.pollRuns.values()].find(
        (r) => r.pollId === pollId && r.sessionId === session.id && r.stoppedAt === null,
      );
      if (!run) throw new Error(`emulator: poll ${pollId} is not running in room ${roomId}`);
      const poll = store.polls.get(pollId);
      if (!poll?.questions[answer.question - 1])
        throw new Error(`emulator: poll ${pollId} has no question ${answer.question}`);
      const previous = [...store.pollResponses.values()]
        .filter((r) => r.pollId === pollId && r.sessionId === session.id && r.question === answer.question)
        .filter((r) => (poll.mode === 'peerid' ? r.peerId === peer.id : r.userId === peer.userId))
        .at(-1);
      if (previous && poll.questions[answer.question - 1]?.once)
        throw new Error(`emulator: question ${answer.question} can be answered once`);
      const at = store.nowUs();
      const response = {
        id: store.newId(at),
        pollId,
        sessionId: session.id,
        question: answer.question,
        peerId: peer.id,
        userId: peer.userId,
        skipped: answer.skipped ?? false,
        text: answer.text ?? '',
        options: [...(answer.options ?? [])],
        duration: answer.duration ?? 5,
        originalResponse: previous?.id ?? '',
        retries: previous ? previous.retries + 1 : 0,
        sentAt: at,
      };
      store.pollResponses.set(response.id, response);
      return response.id;
    },
    startIngest(roomId) {
      const store = current();
      const room = findRoomRecord(roomId);
      const key = activeKey(store, room.id);
      if (!key) throw new Error(`emulator: room ${roomId} has no active stream key`);
      const live = [...store.ingests.values()].find((i) => i.roomId === room.id && i.endedAt === null);
      if (live) return live.id;
      const at = store.nowUs();
      const ingest = {
        id: store.newId(at),
        streamKeyId: key.id,
        roomId: room.id,
        streamId: store.newUuid(),
        startedAt: at,
        endedAt: null,
        endReason: '',
        errorMessage: '',
      };
      store.ingests.set(ingest.id, ingest);
      store.onChange?.({ kind: 'ingest', ingest, state: 'start.success' }, at);
      return ingest.id;
    },
    stopIngest(roomId, reason = 'client request') {
      const store = current();
      if (!endIngest(store, findRoomRecord(roomId).id, reason, store.nowUs()))
        throw new Error(`emulator: room ${roomId} has no live ingest`);
    },
    failIngest(roomId, message) {
      const store = current();
      const room = findRoomRecord(roomId);
      const at = store.nowUs();
      const ingest = [...store.ingests.values()].find((i) => i.roomId === room.id && i.endedAt === null);
      if (!ingest) {
        // Nothing live: the broadcaster's connection was refused before it started.
        const refused = {
          id: '',
          streamKeyId: activeKey(store, room.id)?.id ?? '',
          roomId: room.id,
          streamId: '',
          startedAt: at,
          endedAt: at,
          endReason: 'failure',
          errorMessage: message ?? 'invalid stream key',
        };
        store.onChange?.({ kind: 'ingest', ingest: refused, state: 'start.failure' }, at);
        return;
      }
      ingest.endedAt = at;
      ingest.endReason = 'failure';
      ingest.errorMessage = message ?? 'ingest stream disconnected unexpectedly';
      store.onChange?.({ kind: 'ingest', ingest, state: 'failure' }, at);
    },
    stopRecording(roomId) {
      const store = current();
      store.settleJobs();
      const now = store.nowUs();
      for (const job of jobsOf(store, 'recording')) {
        if (job.roomId === roomId && LIVE_JOB_STATUSES.has(job.status))
          store.stopJob(job, '', now, 'client request');
      }
    },
    startActivity(activityOptions) {
      const activity = startActivity(simulate, state, activityOptions);
      const handle = {
        stop: () => {
          activity.stop();
          activities.delete(handle);
        },
      };
      activities.add(handle);
      return handle;
    },
  };

  return simulate;
}

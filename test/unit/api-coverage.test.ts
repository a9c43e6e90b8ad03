/**
 * Every endpoint of the 100ms REST API v2 (https://www.100ms.live/docs/server-side/v2/api-reference/)
 * except SIP (restricted access) and the legacy `/meetings/hls` and v1 beam endpoints is reachable
 * through a typed field or mutation. The table below is the API's endpoint list, written down as
 * data; the test fails when a route has no catalogue entry, when its graph field or mutation does
 * not exist, when the field's code does not use the entry, or when a catalogue entry is reachable
 * from nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type EndpointName, endpointNames, specOf } from '../../src/hms/endpoints.js';
import { schema } from '../../src/schema/index.js';

interface Row {
  /** Method and path as the API reference writes them. */
  route: string;
  /** The catalogue entry that calls it. */
  endpoint: EndpointName;
  /** The graph coordinate(s) that reach it: `Type.field`. */
  graph: string[];
  /** For parts 100ms also embeds in a parent object: served from the parent's endpoint. */
  embeddedIn?: EndpointName;
}

const API: Row[] = [
  // Rooms
  { route: 'GET /rooms', endpoint: 'rooms.list', graph: ['Query.rooms'] },
  { route: 'GET /rooms/{room_id}', endpoint: 'rooms.get', graph: ['Query.room', 'Session.room'] },
  { route: 'POST /rooms', endpoint: 'rooms.create', graph: ['Mutation.createRoom'] },
  {
    route: 'POST /rooms/{room_id}',
    endpoint: 'rooms.update',
    graph: ['Mutation.updateRoom', 'Mutation.setRoomEnabled'],
  },
  // Sessions
  { route: 'GET /sessions', endpoint: 'sessions.list', graph: ['Query.sessions', 'Room.sessions'] },
  { route: 'GET /sessions/{session_id}', endpoint: 'sessions.get', graph: ['Query.session'] },
  // Active rooms
  { route: 'GET /active-rooms/{room_id}', endpoint: 'activeRooms.get', graph: ['Query.activeRoom'] },
  {
    route: 'GET /active-rooms/{room_id}/peers',
    endpoint: 'activeRooms.listPeers',
    graph: ['ActiveRoom.peers'],
  },
  {
    route: 'GET /active-rooms/{room_id}/peers/{peer_id}',
    endpoint: 'activeRooms.getPeer',
    graph: ['ActivePeer.tracks'],
  },
  {
    route: 'POST /active-rooms/{room_id}/peers/{peer_id}',
    endpoint: 'activeRooms.updatePeer',
    graph: ['Mutation.updatePeer'],
  },
  {
    route: 'POST /active-rooms/{room_id}/send-message',
    endpoint: 'activeRooms.sendMessage',
    graph: ['Mutation.sendMessage'],
  },
  {
    route: 'POST /active-rooms/{room_id}/remove-peers',
    endpoint: 'activeRooms.removePeers',
    graph: ['Mutation.removePeers'],
  },
  {
    route: 'POST /active-rooms/{room_id}/end-room',
    endpoint: 'activeRooms.end',
    graph: ['Mutation.endActiveRoom'],
  },
  // Recordings
  { route: 'GET /recordings', endpoint: 'recordings.list', graph: ['Query.recordings', 'Room.recordings'] },
  { route: 'GET /recordings/{recording_id}', endpoint: 'recordings.get', graph: ['Query.recording'] },
  {
    route: 'POST /recordings/room/{room_id}/start',
    endpoint: 'recordings.start',
    graph: ['Mutation.startRecording'],
  },
  {
    route: 'POST /recordings/{recording_id}/stop',
    endpoint: 'recordings.stop',
    graph: ['Mutation.stopRecording'],
  },
  {
    route: 'POST /recordings/room/{room_id}/stop',
    endpoint: 'recordings.stopAll',
    graph: ['Mutation.stopRoomRecordings'],
  },
  {
    route: 'POST /recordings/room/{room_id}/pause',
    endpoint: 'recordings.pause',
    graph: ['Mutation.pauseRecording'],
  },
  {
    route: 'POST /recordings/room/{room_id}/resume',
    endpoint: 'recordings.resume',
    graph: ['Mutation.resumeRecording'],
  },
  // Recording assets
  { route: 'GET /recording-assets', endpoint: 'recordingAssets.list', graph: ['Query.recordingAssets'] },
  {
    route: 'GET /recording-assets/{asset_id}',
    endpoint: 'recordingAssets.get',
    graph: ['Query.recordingAsset'],
  },
  {
    route: 'GET /recording-assets/{asset_id}/presigned-url',
    endpoint: 'recordingAssets.presignedUrl',
    graph: ['RecordingAsset.presignedUrl'],
  },
  // Room codes
  { route: 'GET /room-codes/room/{room_id}', endpoint: 'roomCodes.list', graph: ['Room.roomCodes'] },
  {
    route: 'POST /room-codes/room/{room_id}',
    endpoint: 'roomCodes.create',
    graph: ['Mutation.createRoomCodes'],
  },
  {
    route: 'POST /room-codes/room/{room_id}/role/{role}',
    endpoint: 'roomCodes.createForRole',
    graph: ['Mutation.createRoomCodes'],
  },
  {
    route: 'POST /room-codes/code',
    endpoint: 'roomCodes.setEnabled',
    graph: ['Mutation.setRoomCodeEnabled'],
  },
  // Live streams (HLS)
  { route: 'GET /live-streams', endpoint: 'liveStreams.list', graph: ['Query.liveStreams'] },
  { route: 'GET /live-streams/{stream_id}', endpoint: 'liveStreams.get', graph: ['Query.liveStream'] },
  {
    route: 'POST /live-streams/room/{room_id}/start',
    endpoint: 'liveStreams.start',
    graph: ['Mutation.startLiveStream'],
  },
  {
    route: 'POST /live-streams/{stream_id}/stop',
    endpoint: 'liveStreams.stop',
    graph: ['Mutation.stopLiveStream'],
  },
  {
    route: 'POST /live-streams/room/{room_id}/stop',
    endpoint: 'liveStreams.stopAll',
    graph: ['Mutation.stopRoomLiveStreams'],
  },
  {
    route: 'POST /live-streams/{stream_id}/timed-metadata',
    endpoint: 'liveStreams.sendTimedMetadata',
    graph: ['Mutation.sendTimedMetadata'],
  },
  {
    route: 'POST /live-streams/{stream_id}/pause-recording',
    endpoint: 'liveStreams.pauseRecording',
    graph: ['Mutation.pauseLiveStreamRecording'],
  },
  {
    route: 'POST /live-streams/{stream_id}/resume-recording',
    endpoint: 'liveStreams.resumeRecording',
    graph: ['Mutation.resumeLiveStreamRecording'],
  },
  // External streams (RTMP out)
  { route: 'GET /external-streams', endpoint: 'externalStreams.list', graph: ['Query.externalStreams'] },
  {
    route: 'GET /external-streams/{stream_id}',
    endpoint: 'externalStreams.get',
    graph: ['Query.externalStream'],
  },
  {
    route: 'POST /external-streams/room/{room_id}/start',
    endpoint: 'externalStreams.start',
    graph: ['Mutation.startExternalStream'],
  },
  {
    route: 'POST /external-streams/{stream_id}/stop',
    endpoint: 'externalStreams.stop',
    graph: ['Mutation.stopExternalStream'],
  },
  {
    route: 'POST /external-streams/room/{room_id}/stop',
    endpoint: 'externalStreams.stopAll',
    graph: ['Mutation.stopRoomExternalStreams'],
  },
  // Analytics
  { route: 'GET /analytics/events', endpoint: 'analytics.events', graph: ['Query.analyticsEvents'] },
  { route: 'GET /analytics/peer-stats', endpoint: 'analytics.peerStats', graph: ['Session.peerStats'] },
  {
    route: 'GET /analytics/webhooks',
    endpoint: 'analytics.webhooks',
    graph: ['Query.webhookDeliveries', 'Room.webhookDeliveries'],
  },
  {
    route: 'POST /analytics/webhooks/replay',
    endpoint: 'analytics.replayWebhooks',
    graph: ['Mutation.replayWebhooks'],
  },
  {
    route: 'GET /analytics/webhooks/replay/{workflow_id}',
    endpoint: 'analytics.replayStatus',
    graph: ['Query.webhookReplay', 'Mutation.replayWebhooks'],
  },
  // Templates
  { route: 'GET /templates', endpoint: 'templates.list', graph: ['Query.templates'] },
  {
    route: 'GET /templates/{template_id}',
    endpoint: 'templates.get',
    graph: ['Query.template', 'Room.template'],
  },
  { route: 'POST /templates', endpoint: 'templates.create', graph: ['Mutation.createTemplate'] },
  {
    route: 'POST /templates/{template_id}',
    endpoint: 'templates.replace',
    graph: ['Mutation.updateTemplate'],
  },
  {
    route: 'GET /templates/{template_id}/roles/{role_name}',
    endpoint: 'templates.get',
    embeddedIn: 'templates.get',
    graph: ['Template.role'],
  },
  {
    route: 'POST /templates/{template_id}/roles/{role_name}',
    endpoint: 'templates.upsertRole',
    graph: ['Mutation.setTemplateRole'],
  },
  {
    route: 'DELETE /templates/{template_id}/roles/{role_name}',
    endpoint: 'templates.deleteRole',
    graph: ['Mutation.removeTemplateRole'],
  },
  {
    route: 'GET /templates/{template_id}/settings',
    endpoint: 'templates.get',
    embeddedIn: 'templates.get',
    graph: ['Template.settings', 'Template.region'],
  },
  {
    route: 'POST /templates/{template_id}/settings',
    endpoint: 'templates.updateSettings',
    graph: ['Mutation.updateTemplateSettings'],
  },
  {
    route: 'GET /templates/{template_id}/destinations',
    endpoint: 'templates.get',
    embeddedIn: 'templates.get',
    graph: ['Template.destinations'],
  },
  {
    route: 'POST /templates/{template_id}/destinations',
    endpoint: 'templates.updateDestinations',
    graph: ['Mutation.updateTemplateDestinations'],
  },
  {
    route: 'GET /templates/{template_id}/recordings',
    endpoint: 'templates.getRecordings',
    graph: ['Template.recordingConfigs'],
  },
  {
    route: 'POST /templates/{template_id}/recordings',
    endpoint: 'templates.updateRecordings',
    graph: ['Mutation.setTemplateRecording'],
  },
  // Polls
  { route: 'POST /polls', endpoint: 'polls.create', graph: ['Mutation.createPoll'] },
  { route: 'POST /polls/{poll_id}', endpoint: 'polls.update', graph: ['Mutation.updatePoll'] },
  {
    route: 'GET /polls/{poll_id}',
    endpoint: 'polls.get',
    graph: ['Query.poll', 'Room.polls', 'PollRun.poll'],
  },
  {
    route: 'POST /polls/{poll_id}/questions/{question_id}',
    endpoint: 'polls.setQuestion',
    graph: ['Mutation.setPollQuestion'],
  },
  {
    route: 'DELETE /polls/{poll_id}/questions/{question_id}',
    endpoint: 'polls.deleteQuestion',
    graph: ['Mutation.removePollQuestion'],
  },
  {
    route: 'POST /polls/{poll_id}/questions/{question_id}/options/{option_id}',
    endpoint: 'polls.setOption',
    graph: ['Mutation.setPollOption'],
  },
  {
    route: 'DELETE /polls/{poll_id}/questions/{question_id}/options/{option_id}',
    endpoint: 'polls.deleteOption',
    graph: ['Mutation.removePollOption'],
  },
  { route: 'GET /polls/{poll_id}/sessions', endpoint: 'polls.listRuns', graph: ['Poll.runs'] },
  { route: 'GET /polls/{poll_id}/sessions/{session_id}', endpoint: 'polls.getRun', graph: ['Session.polls'] },
  { route: 'GET /polls/{poll_id}/responses', endpoint: 'polls.listResponses', graph: ['Poll.responses'] },
  {
    route: 'GET /polls/{poll_id}/responses/{response_id}',
    endpoint: 'polls.getResponse',
    graph: ['Poll.response'],
  },
  { route: 'GET /polls/{poll_id}/results', endpoint: 'polls.listResults', graph: ['Poll.results'] },
  { route: 'GET /polls/{poll_id}/results/{result_id}', endpoint: 'polls.getResult', graph: ['Poll.result'] },
  // RTMP ingest stream keys
  {
    route: 'POST /stream-keys/room/{room_id}',
    endpoint: 'streamKeys.create',
    graph: ['Mutation.createStreamKey'],
  },
  {
    route: 'GET /stream-keys/room/{room_id}',
    endpoint: 'streamKeys.get',
    graph: ['Room.streamKeys', 'Mutation.disableStreamKey'],
  },
  {
    route: 'POST /stream-keys/room/{room_id}/disable',
    endpoint: 'streamKeys.disable',
    graph: ['Mutation.disableStreamKey'],
  },
];

/** Not HTTP endpoints of 100ms: signed in the gateway. */
const LOCAL: EndpointName[] = ['tokens.appToken'];

const shape = (route: string) => route.replace(/\{[^}]+\}/g, '{}');

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('the 100ms API in the graph', () => {
  it.each(API)('$route is reachable', (row) => {
    const [method, path] = row.route.split(' ') as [string, string];
    const spec = specOf(row.endpoint);
    if (row.embeddedIn) {
      expect(row.embeddedIn).toBe(row.endpoint);
    } else {
      expect(`${spec.method} ${shape(spec.route)}`).toBe(`${method} ${shape(path)}`);
    }
    for (const coordinate of row.graph) {
      const [type, field] = coordinate.split('.') as [string, string];
      const named = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      expect(named?.getFields?.()[field], `${coordinate} is in the schema`).toBeDefined();
    }
  });

  it('has no catalogue entry the graph cannot reach', () => {
    const covered = new Set(API.map((row) => row.endpoint));
    const orphans = endpointNames.filter((name) => !covered.has(name) && !LOCAL.includes(name));
    expect(orphans).toEqual([]);
  });

  it('has a row for every catalogue route', () => {
    const rows = new Set(
      API.filter((row) => !row.embeddedIn).map((row) => row.route.replace(/\{[^}]+\}/g, '{}')),
    );
    const routes = Object.entries(ENDPOINTS)
      .filter(([name]) => !LOCAL.includes(name as EndpointName))
      .map(([, spec]) => `${spec.method} ${shape(spec.route)}`);
    expect(routes.filter((route) => !rows.has(route))).toEqual([]);
  });

  it('uses every catalogue entry from the code behind the graph', () => {
    // Every entry is named somewhere the graph reaches (schema, loaders, or a resource module
    // of the client that the schema uses): an entry nothing sends is dead weight.
    const code = [sources('src/schema'), sources('src/loaders'), sources('src/hms')].join('\n');
    const catalogue = readFileSync('src/hms/endpoints.ts', 'utf8');
    const unused = endpointNames.filter((name) => {
      const uses = code.split(`'${name}'`).length - 1;
      const declared = catalogue.split(`'${name}'`).length - 1;
      return uses - declared < 1;
    });
    expect(unused).toEqual([]);
  });
});

/** Imports every type file (for their side effects on the builder) and exports the schema. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import { describeGeneratedStructure } from './describe.js';
import { withSynchronousNodeIds } from './node-ids.js';
import './node.js';
import './room.js';
import './session.js';
import './job.js';
import './recording.js';
import './asset.js';
import './streams.js';
import './template.js';
import './room-code.js';
import './active-room.js';
import './analytics.js';
import './events.js';
import './rate-limit.js';
import './webhook-delivery.js';
import './peer-stats.js';
import './stream-key.js';
import './poll.js';
import './recording-info.js';
import './transcription.js';
import './mutations/templates.js';
import './mutations/polls.js';
import './mutation-errors.js';
import './mutations/rooms.js';
import './mutations/jobs.js';
import './mutations/active-rooms.js';
import './mutations/auth-token.js';
import './mutations/hms-request.js';

export const schema = withSynchronousNodeIds(describeGeneratedStructure(builder.toSchema()));

/** The committed `schema/schema.graphql`: sorted so diffs show real changes only. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}

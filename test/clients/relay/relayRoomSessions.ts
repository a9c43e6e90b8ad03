/**
 * Relay documents, read only by relay-compiler (test/clients/relay.test.ts compiles them against
 * schema/schema.graphql); the test imports the compiled artifacts, so `graphql` never runs.
 */
import { graphql } from 'relay-runtime';

export const roomSessionsQuery = graphql`
  query relayRoomSessionsQuery($roomId: ID!) {
    room(id: $roomId) {
      name
      ...relayRoomSessions_room
    }
  }
`;

export const roomSessionsFragment = graphql`
  fragment relayRoomSessions_room on Room
  @refetchable(queryName: "relayRoomSessionsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    sessions(first: $count, after: $cursor) @connection(key: "relayRoomSessions_sessions") {
      edges {
        node {
          id
          hmsId
          startedAt
        }
      }
    }
  }
`;

/**
 * The floor for gateway overhead: graphql-yoga with its defaults and nothing else, answering the
 * cache-hit query's shape (`room(id) { name template { name } }`) from constants. The benchmark
 * passes the gateway's own answer in BARE_ROOM (padded so both bodies have the same size).
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const room = JSON.parse(process.env.BARE_ROOM ?? '{"name":"room","template":{"name":"template"}}') as unknown;

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        room(id: ID!): Room
      }
      type Room {
        name: String!
        template: Template
      }
      type Template {
        name: String!
      }
    `,
    resolvers: { Query: { room: () => room } },
  }),
});

createServer(yoga).listen(Number(process.env.PORT ?? 0), '127.0.0.1');
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));

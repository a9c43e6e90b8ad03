/**
 * No secret ever leaves the gateway: not in logs, not in GraphQL errors, not in responses. The
 * gateway is driven through successes and every kind of failure with debug logging on, and every
 * byte it logged or answered is searched for the app secret, management tokens and credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;

describe('secrets', () => {
  const logs: string[] = [];
  const answers: string[] = [];
  let stack: Stack;
  let wrong: Stack;
  let room: string;

  beforeAll(async () => {
    stack = await startStack({ logs });
    wrong = await startStack({ logs, secret: 'not-the-emulator-secret-at-all-123456' });
    room = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
  });
  afterAll(async () => {
    await stack?.close();
    await wrong?.close();
  });

  async function record(target: Stack, query: string, variables: Record<string, unknown> = {}) {
    const res = await target.gql(query, variables);
    answers.push(JSON.stringify(res));
  }

  it('never logs or returns the app secret, a management token or an Authorization header', async () => {
    const mintToken = `mutation($input: CreateAuthTokenInput!) { createAuthToken(input: $input) { __typename } }`;
    await record(stack, '{ rooms { nodes { name } } templates { nodes { name } } }');
    await record(stack, `query($id: ID!) { room(id: $id) { sessions(first: 3) { nodes { hmsId } } } }`, {
      id: room,
    });
    await record(stack, '{ room(id: "aaaaaaaaaaaaaaaaaaaaaaaa") { name } }');
    await record(stack, mintToken, { input: { roomId: room, role: 'host' } });
    stack.emulator.setFaults([{ kind: 'status', status: 503 }]);
    await record(stack, '{ rooms { nodes { name } } }');
    await record(
      stack,
      `mutation($input: StartRecordingInput!) { startRecording(input: $input) { __typename ... on Error { message } } }`,
      { input: { roomId: room } },
    );
    stack.emulator.setFaults([{ kind: 'reset' }]);
    await record(stack, '{ templates { nodes { name } } }');
    stack.emulator.setFaults([]);
    // 100ms rejects the credentials: the 401 path re-mints and fails again.
    await record(wrong, '{ rooms { nodes { name } } }');
    await record(wrong, mintToken, { input: { roomId: room, role: 'host' } });

    expect(logs.length).toBeGreaterThan(5);
    expect(answers.some((a) => a.includes('UPSTREAM_UNAVAILABLE'))).toBe(true);
    const everything = [...logs, ...answers].join('\n');
    for (const secret of [stack.emulator.secret, 'not-the-emulator-secret-at-all-123456']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/bearer\s+\S+/i);
    // The only JWT allowed out is none at all here: createAuthToken's answer was not selected.
    expect(everything.match(JWT) ?? []).toEqual([]);
  });
});

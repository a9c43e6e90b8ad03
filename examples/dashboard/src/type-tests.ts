/**
 * Compile-time checks that the generated hooks are really typed (none of this runs). Each
 * `@ts-expect-error` must meet an error: if codegen ever degraded a type to `any`, the directive
 * would go unused and `npm run typecheck` would fail.
 */
import type { DashboardQuery, RoomsQuery } from './generated/graphql.js';
import { useDashboardQuery, useStartRecordingMutation } from './generated/hooks.js';

type Asset = NonNullable<
  NonNullable<
    NonNullable<NonNullable<DashboardQuery['room']>['sessions']>['nodes'][number]['recordings']
  >['nodes'][number]['assets']
>[number];

export function generatedHookTypes(asset: Asset, rooms: RoomsQuery) {
  // SafeInt is a number and DateTime an ISO string: no `any`, no `unknown`.
  const size: number | null | undefined = asset.sizeBytes;
  const created: string | null | undefined = asset.createdAt;
  // @ts-expect-error sizeBytes is a number, not a string
  const wrongSize: string | null | undefined = asset.sizeBytes;
  // @ts-expect-error a field the Rooms operation does not select
  const unselected = rooms.rooms?.nodes[0]?.sessions;
  // @ts-expect-error roomId is a required variable
  const missingVariable = () => useDashboardQuery({});
  const start = () => useStartRecordingMutation().mutate({ input: { roomId: 'r' } });
  // @ts-expect-error startRecording takes { input }, not the input itself
  const wrongInput = () => useStartRecordingMutation().mutate({ roomId: 'r' });
  return { size, created, wrongSize, unselected, missingVariable, start, wrongInput };
}

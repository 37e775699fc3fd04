import { distance } from '@turf/turf';

/** A visit this far from the door is flagged for review. */
export const MAX_DOOR_DISTANCE_M = 300;
/** Two visits closer in time than this, at doors farther apart than MAX_DOOR_DISTANCE_M, are a burst. */
export const BURST_WINDOW_MS = 5 * 60_000;

/**
 * Why a visit needs a staff member's review before it counts on the
 * leaderboard, or null: recorded far from the door, or minutes after a visit
 * at a distant stairwell.
 */
export function visitFlag(
  door: [number, number],
  position: { lat: number; lng: number } | undefined,
  previous: { at: string; door: [number, number] } | undefined,
  at: string,
): { flag: string | null; distanceM: number | null } {
  const distanceM = position ? Math.round(distance(door, [position.lng, position.lat], { units: 'meters' })) : null;
  if (distanceM !== null && distanceM > MAX_DOOR_DISTANCE_M) return { flag: `recorded ${distanceM} m from the door`, distanceM };
  if (previous) {
    const gap = Date.parse(at) - Date.parse(previous.at);
    const apart = distance(door, previous.door, { units: 'meters' });
    if (gap >= 0 && gap < BURST_WINDOW_MS && apart > MAX_DOOR_DISTANCE_M)
      return { flag: `${Math.round(gap / 60_000)} min after a visit ${Math.round(apart)} m away`, distanceM };
  }
  return { flag: null, distanceM };
}

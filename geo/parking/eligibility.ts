import type { Point } from 'geojson';
import type { HouseholdStatus } from '../consent/household-status.ts';
import type { Claimant } from './parking-types.ts';

/** The committee's rules for priority parking (a decision it documents, SPEC §7). */
export interface ParkingRules {
  /** Floors whose signed households earn priority parking. */
  floors: number[];
  maxWalkM: number;
}
export const DEFAULT_PARKING_RULES: ParkingRules = { floors: [1, 2], maxWalkM: 80 };

export interface RegisterFlatForParking {
  flatId: string;
  floor: number;
  status: HouseholdStatus;
  /** When the household signed (ISO 8601), if it did. */
  signedAt: string | null;
  aged60to79: number;
  aged80plus: number;
  door: Point;
}

/**
 * The claimants under `rules`: signed households on the eligible floors.
 * Priority puts elders first (2 × residents 80+ plus residents 60–79), then
 * earlier signers.
 *
 * @example claimantsFor(flats, DEFAULT_PARKING_RULES).length
 */
export function claimantsFor(flats: readonly RegisterFlatForParking[], rules: ParkingRules): Claimant[] {
  const floors = new Set(rules.floors);
  return flats
    .filter((f) => floors.has(f.floor) && f.status === 'signed')
    .map((f) => {
      const elders = 2 * f.aged80plus + f.aged60to79;
      const signedMinutes = f.signedAt ? Math.floor(Date.parse(f.signedAt) / 60_000) : 1e8;
      // Elders dominate; among equals, the earlier signature (fewer minutes since 1970) wins.
      return { flatId: f.flatId, door: f.door, priority: elders * 1e9 + (1e8 - signedMinutes) };
    });
}

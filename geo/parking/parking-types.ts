import type { Point, Polygon } from 'geojson';

export interface Claimant {
  flatId: string;
  door: Point;
  /** Higher wins ties. */
  priority: number;
}

export interface ParkingAllocation {
  assignments: { flatId: string; spaceId: string; walkM: number }[];
  /** flatIds left without a space. */
  waiting: string[];
  totalWalkM: number;
}

export interface ParkingSpace {
  id: string;
  polygon: Polygon;
}

export interface AllocateOptions {
  maxWalkM: number;
  unavailable?: string[];
  /**
   * Who held which space in the state before (flatId → spaceId): between
   * phases as few households as possible change space, after serving the
   * most and before walking the least.
   */
  previous?: ReadonlyMap<string, string>;
}

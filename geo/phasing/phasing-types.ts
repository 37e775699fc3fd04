import type { LineString, Polygon } from 'geojson';

export interface PhasingStairwell {
  id: string;
  buildingId: string;
  /** First day (from the plan's start) its construction may begin. */
  readyDay: number;
  /** Construction zone around the elevator site, WGS-84. */
  zone: Polygon;
  /** Elder weight: 3 × residents 80+ plus 1 × residents 60–79 on floors 3–6, plus 0.1. */
  weight: number;
}

export interface FireLane {
  id: string;
  line: LineString;
  roadWidthM: number;
  clearWidthM: number;
}

export interface PhasingInput {
  stairwells: PhasingStairwell[];
  fireLanes: FireLane[];
  parkingSpaces: { id: string; polygon: Polygon }[];
  crews: number;
  phaseDays: number;
  maxParkingLossPerPhase: number;
}

export interface PhasePlan {
  phases: { index: number; startDay: number; endDay: number; stairwellIds: string[]; parkingLost: string[] }[];
  unscheduled: { id: string; reason: string }[];
  score: { weightedCompletion: number; buildingsSplit: number; peakParkingLost: number };
}

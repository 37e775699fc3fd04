import type { HouseholdStatus } from '../consent/index.ts';
import type { MapColorKey } from '../palette/index.ts';
import type { Stage } from '../stages/stages.ts';

/** What a replay reads: flats, and the consent and stage events in the order they happened. */
export interface HistoryFlat {
  flatId: number;
  stairwellId: number;
  voterId: number;
  areaM2: number | null;
}
export interface HistoryConsentEvent {
  flatId: number;
  to: HouseholdStatus;
  at: string;
}
export interface HistoryStageEvent {
  stairwellId: number;
  to: Stage;
  at: string;
}

export interface StairwellAt {
  stairwellId: number;
  stage: Stage;
  colorKey: MapColorKey;
  /** The rule passes on signed votes (已达标 while canvassing). */
  passed: boolean;
  flatsSigned: number;
}

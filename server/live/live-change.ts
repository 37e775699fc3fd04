import type { MapColorKey } from '../../geo/palette/index.ts';
import type { Stage } from '../../geo/stages/index.ts';

/** A flat's status changed: door number and floor, never a name. */
export interface FlatChange {
  kind: 'flat';
  estateId: number;
  stairwellId: number;
  doorNumber: string;
  floor: number;
  from: string;
  to: string;
  at: string;
  /** The stairwell passed the consent rule with this change. */
  passedNow: boolean;
  /** What the stairwell is drawn in after this change, so a wall recolours it at once (absent in changes logged before it existed). */
  colorKey?: MapColorKey;
}

export interface StageChange {
  kind: 'stage';
  estateId: number;
  stairwellId: number;
  doorNumber: string;
  from: Stage;
  to: Stage;
  at: string;
  /** What the stairwell is drawn in after this change (as FlatChange.colorKey). */
  colorKey?: MapColorKey;
}

/** Something else of an estate changed: its layout (import, door or site moved), register, 包干, saved plans, settings, 公示 objections, a vote's evidence (recorded or reviewed; no file, no name) or a lift's upkeep (visit, fault, repair). */
export interface EstateChange {
  kind: 'layout' | 'register' | 'canvassers' | 'plan' | 'settings' | 'objections' | 'evidence' | 'upkeep';
  estateId: number;
  at: string;
}

/** What live screens hear; `resync` tells a screen that it missed too much and should re-read everything. */
export type LiveChange = FlatChange | StageChange | EstateChange | { kind: 'resync'; estateId: number | null; at: string };
export type RecordedChange = Exclude<LiveChange, { kind: 'resync' }>;

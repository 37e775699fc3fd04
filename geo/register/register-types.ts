import type { HouseholdStatus } from '../consent/household-status.ts';
import type { FormalStatus } from '../evidence/formal-votes.ts';
import type { Stage } from '../stages/stages.ts';
import type { CanvasserRole } from './canvasser-roles.ts';
import type { ConcernTag } from './concern-tags.ts';

/** One flat of the register (SPEC §7): one row per flat. */
export interface RegisterRow {
  doorNumber: string;
  floor: number;
  room: string;
  /** null when the register has no area for it yet. */
  areaM2: number | null;
  voterId: string;
  voterName: string | null;
  phone: string | null;
  residents: number;
  aged60to79: number;
  aged80plus: number;
  status: HouseholdStatus;
  concerns: ConcernTag[];
  note: string | null;
  /** The flat's version in the export this row came from; null in a register kept by hand. */
  version?: number | null;
  /** Where the row is in the file (sheet, the row number Excel shows, each column's own header), for messages; absent for bundled files. */
  at?: { sheet: string; row: number; headers?: Partial<Record<string, string>> };
}

export interface CanvasserRow {
  canvasserId: string;
  name: string;
  role: CanvasserRole;
  partyGroup: string | null;
  /** Door numbers of the stairwells they own (包干). */
  doorNumbers: string[];
}

/** A status change of one flat; `at` is ISO 8601 with offset. */
export interface ConsentEventRow {
  at: string;
  doorNumber: string;
  room: string;
  from: HouseholdStatus;
  to: HouseholdStatus;
  canvasserId: string | null;
  note: string | null;
}

export interface StageEventRow {
  at: string;
  doorNumber: string;
  from: Stage;
  to: Stage;
  reason: string | null;
}

/**
 * A written vote's evidence as a campaign folder carries it (the bundled demo
 * campaign): the voter's signature as strokes, drawn on the phone or on a
 * photographed paper form, and whether staff have checked it. A voter of
 * several flats has one row, on the first room.
 */
export interface EvidenceRow {
  /** When the vote was recorded; ISO 8601 with offset. */
  at: string;
  doorNumber: string;
  room: string;
  vote: FormalStatus;
  method: 'signature' | 'form_photo';
  /** Points "x,y" joined by spaces, strokes by ";", in a 360×140 box. */
  signature: string;
  review: 'pending' | 'verified';
  reviewedAt: string | null;
}

export interface CampaignHistory {
  register: RegisterRow[];
  canvassers: CanvasserRow[];
  consentEvents: ConsentEventRow[];
  stageEvents: StageEventRow[];
  /** Absent in a committee's own folder: its votes' evidence is recorded in the app. */
  evidence?: EvidenceRow[];
}

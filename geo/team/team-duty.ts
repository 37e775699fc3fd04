import { PIPELINE_STAGES, STAGE_ZH, type PipelineStage } from '../stages/stages.ts';

/** What a team member answers for: a stage of the pipeline, some floors, some flats (rooms); any may be empty. */
export interface TeamDuty {
  stage: PipelineStage | null;
  floors: number[];
  rooms: string[];
}

export const NO_DUTY: TeamDuty = { stage: null, floors: [], rooms: [] };

/**
 * Reads a duty as a committee writes it in the 负责 column or the /admin
 * field: parts separated by ; ； 、 or commas, each a stage (施工 or
 * under_construction), floors (1层, 1-2层) or a room (101). Checked against
 * the stairwell: floors from 1 to its top, rooms it has. Problems name the part.
 *
 * @example readDuty('施工；1-2层', { floors: 6, rooms: new Set(['101']) }) // { duty: { stage: 'under_construction', floors: [1, 2], rooms: [] }, problems: [] }
 */
export function readDuty(text: string, stairwell: { floors: number; rooms: ReadonlySet<string> }): { duty: TeamDuty; problems: string[] } {
  const duty: TeamDuty = { stage: null, floors: [], rooms: [] };
  const problems: string[] = [];
  const parts = text
    .split(/[;；、,，]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 40) return { duty: NO_DUTY, problems: [`负责：至多 40 项，收到 ${parts.length} 项`] };
  for (const part of parts) {
    const stage = PIPELINE_STAGES.find((s) => s === part || STAGE_ZH[s] === part || `${STAGE_ZH[s]}阶段` === part);
    const floors = /^(\d{1,2})(?:\s*[-–~至到]\s*(\d{1,2}))?\s*(?:层|楼|F|f)$/.exec(part);
    if (stage) {
      if (duty.stage && duty.stage !== stage) problems.push(`负责“${part}”：一人只负责一个阶段，已有“${STAGE_ZH[duty.stage]}”`);
      else duty.stage = stage;
    } else if (floors) {
      const from = Number(floors[1]);
      const to = Number(floors[2] ?? floors[1]);
      if (from < 1 || to > stairwell.floors || from > to) problems.push(`负责“${part}”：楼层应在 1 至 ${stairwell.floors} 层之间`);
      else for (let f = from; f <= to; f++) if (!duty.floors.includes(f)) duty.floors.push(f);
    } else if (stairwell.rooms.has(part)) {
      if (!duty.rooms.includes(part)) duty.rooms.push(part);
    } else problems.push(`负责“${part}”：不是阶段、楼层（如 1-2层）或本门洞的室号`);
  }
  duty.floors.sort((a, b) => a - b);
  return { duty, problems };
}

/** A duty as one line, the way readDuty reads it back. */
export function dutyText(duty: TeamDuty): string {
  const floors = duty.floors.length === 0 ? [] : runs(duty.floors).map(([a, b]) => (a === b ? `${a}层` : `${a}-${b}层`));
  return [...(duty.stage ? [STAGE_ZH[duty.stage]] : []), ...floors, ...duty.rooms].join('；');
}

function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

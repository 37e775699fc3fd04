import { evaluateConsent, voteOf, type HouseholdStatus } from '../../geo/consent/index.ts';
import type { EstateLayout } from '../../geo/estate/index.ts';
import { canvasserProblems, type CampaignHistory } from '../../geo/register/index.ts';
import type { Stage } from '../../geo/stages/index.ts';

/**
 * Cross-checks a register and its history against the layout before anything
 * is written. Returns the problems found (empty when consistent) and each
 * stairwell's final stage.
 */
export function checkCampaign(layout: EstateLayout, c: CampaignHistory, canvassersFile = 'canvassers.csv'): { problems: string[]; stages: Map<string, Stage> } {
  const problems: string[] = [];
  const doors = new Set(layout.stairwells.map((s) => s.doorNumber));
  const flatKey = (door: string, room: string) => `${door}\u0000${room}`;
  const rowOf = new Map<string, number>();
  const voterStatus = new Map<string, { status: HouseholdStatus; row: number }>();
  c.register.forEach((r, i) => {
    const row = i + 2;
    if (!doors.has(r.doorNumber)) problems.push(`register row ${row}, column doorNumber: no stairwell ${r.doorNumber} in the estate`);
    const key = flatKey(r.doorNumber, r.room);
    const seen = rowOf.get(key);
    if (seen !== undefined) problems.push(`register row ${row}, column room: ${r.doorNumber} ${r.room} already on row ${seen}`);
    rowOf.set(key, row);
    const voterKey = `${r.doorNumber}\u0000${r.voterId}`;
    const other = voterStatus.get(voterKey);
    if (other && voteOf(other.status) !== voteOf(r.status))
      problems.push(`register row ${row}, column status: voter ${r.voterId} has ${other.status} on row ${other.row} but ${r.status} here; one voter casts one vote`);
    else voterStatus.set(voterKey, { status: r.status, row });
  });

  const last = new Map<string, HouseholdStatus>();
  c.consentEvents.forEach((e, i) => {
    const key = flatKey(e.doorNumber, e.room);
    if (!rowOf.has(key)) {
      problems.push(`consent-events.csv row ${i + 2}: no flat ${e.doorNumber} ${e.room} in the register`);
      return;
    }
    const before = last.get(key) ?? 'unvisited';
    if (e.from !== before) problems.push(`consent-events.csv row ${i + 2}, column from: expected ${before} (the flat's previous status), got ${e.from}`);
    last.set(key, e.to);
  });
  c.register.forEach((r, i) => {
    const final = last.get(flatKey(r.doorNumber, r.room));
    if (final !== undefined && final !== r.status)
      problems.push(`register row ${i + 2}, column status: ${r.status}, but the flat's last consent event says ${final}`);
  });

  const stages = new Map<string, Stage>();
  c.stageEvents.forEach((e, i) => {
    const before = stages.get(e.doorNumber) ?? 'canvassing';
    if (!doors.has(e.doorNumber)) problems.push(`stage-events.csv row ${i + 2}, column doorNumber: no stairwell ${e.doorNumber}`);
    else if (e.from !== before) problems.push(`stage-events.csv row ${i + 2}, column from: expected ${before}, got ${e.from}`);
    stages.set(e.doorNumber, e.to);
  });
  for (const [door, stage] of stages) {
    const rows = c.register.filter((r) => r.doorNumber === door);
    const complete = rows.length > 0 && rows.every((r) => r.areaM2 !== null);
    const passed =
      complete &&
      evaluateConsent(rows.map((r) => ({ flatId: r.room, voterId: r.voterId, areaM2: r.areaM2 ?? 0, vote: voteOf(r.status) }))).passed;
    // Past canvassing means confirmed once: the register must pass on signed votes (SPEC §4).
    if (stage !== 'canvassing' && !passed) problems.push(`stage-events.csv: ${door} is at ${stage}, but its register does not pass the consent rule on signed votes`);
  }
  problems.push(...canvasserProblems(doors, c.canvassers, canvassersFile));
  return { problems, stages };
}

import { desc, eq } from 'drizzle-orm';
import { isFormal } from '../../geo/evidence/index.ts';
import { mapColorKey, STATUS_PALETTE } from '../../geo/palette/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { requireEditStairwell } from '../canvass/permissions.ts';
import { visitFlag } from '../canvass/visit-flags.ts';
import { visitInputSchema } from '../canvass/visit-input.ts';
import { first, only } from '../db/database.ts';
import { requireSameWrittenVote } from '../evidence/live-evidence.ts';
import { checkEvidence, storeEvidence } from '../evidence/store-evidence.ts';
import type { FlatChange } from '../live/live-change.ts';
import { evaluateFlats, loadFlatRows, type FlatRow } from '../queries/stairwell-states.ts';
import { WHO } from '../auth/authorise.ts';
import { campaignWindow, requireInWindow } from './campaign-window.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';
import { estateOf } from './write-scope.ts';

const passes = (rows: readonly FlatRow[]) => {
  const consent = evaluateFlats(rows);
  return consent.complete && consent.result.passed;
};

/**
 * Whether a change of a voter's flats to `status` makes the stairwell meet
 * the rule now: the rule evaluated on the stairwell's flats as they will be,
 * and (only when that passes) as they were.
 */
function meetsRuleNow(before: readonly FlatRow[], voterId: number, status: FlatRow['status']): boolean {
  const after = before.map((f) => (f.voterId === voterId ? { ...f, status } : f));
  return passes(after) && !passes(before);
}

/**
 * Records a doorstep visit in one transaction: the visit, the flat (and the
 * voter's other flats in the stairwell, who vote as one), and an append-only
 * consent event per status change, with a written vote's evidence when it
 * carries one. A visit sent twice is applied once; an edit on a version
 * someone else has changed is refused with the current value; a vote that
 * differs from the voter's written vote waits until staff send that back.
 */
export const recordVisit = defineCommand({
  roles: WHO.field,
  input: visitInputSchema,
  estate: (input, db) => estateOf.flat(db, input.flatId),
  // A written vote's files are decoded and checked in a worker thread, before the transaction takes the write lock.
  prepare: async (input) => (input.evidence && isFormal(input.status) ? await checkEvidence(input.evidence) : null),
  run: async ({ tx, user, now, record }, input, files) => {
    const { consentEvents, flats, stairwells, visits } = tx.t;
    const seen = await first(tx.select({ id: visits.id, flatId: visits.flatId }).from(visits).where(eq(visits.clientId, input.clientId)));
    // Only the columns a visit reads: a stairwell's footprint and a flat's register fields are not parsed on every visit.
    const flat = await first(
      tx
        .select({ id: flats.id, stairwellId: flats.stairwellId, floor: flats.floor, room: flats.room, voterId: flats.voterId, status: flats.status, version: flats.version, note: flats.note })
        .from(flats)
        .where(eq(flats.id, input.flatId)),
    );
    if (!flat) throw refuse.notFound(`没有编号为 ${input.flatId} 的户`, `no flat with id ${input.flatId}`);
    if (seen) return { applied: false, duplicate: true, version: flat.version, status: flat.status, flag: null, ruleMetNow: false, doorNumber: null, evidence: null };
    if ((input.whatWorked?.length || input.whatWorkedNote) && input.status !== 'signed')
      throw refuse.badInput('whatWorked：只有签字同意后才登记“什么起了作用”', 'whatWorked: only for a household that signed', 'whatWorked');
    if (input.evidence && !isFormal(input.status))
      throw refuse.badInput('只有同意、反对、弃权的书面表决需要凭证', 'evidence is for written votes only: signed, opposed or abstain', 'evidence');
    const stairwell = (await first(
      tx.select({ id: stairwells.id, estateId: stairwells.estateId, doorNumber: stairwells.doorNumber, doorLng: stairwells.doorLng, doorLat: stairwells.doorLat, stage: stairwells.stage }).from(stairwells).where(eq(stairwells.id, flat.stairwellId)),
    ))!;
    await requireEditStairwell(tx, user, stairwell.id);
    if (flat.version !== input.expectedVersion)
      throw refuse.conflict(
        `${stairwell.doorNumber} ${flat.room} 已被他人修改：现在是${STATUS_PALETTE[flat.status].zh}（版本 ${flat.version}），请刷新后再记录`,
        `${stairwell.doorNumber} ${flat.room} was changed meanwhile: it is now ${STATUS_PALETTE[flat.status].en} (version ${flat.version}); look again before recording`,
      );
    const window = await campaignWindow(tx, stairwell.estateId, now);
    if (input.recordedAt) requireInWindow(window, input.recordedAt, 'recordedAt');
    if (input.nextVisitOn) requireInWindow({ from: window.from, to: new Date(now.getTime() + 366 * 86_400_000) }, `${input.nextVisitOn}T12:00:00+08:00`, 'nextVisitOn');

    const at = input.recordedAt ? shanghaiIso(new Date(input.recordedAt)) : shanghaiIso(now);
    // A written vote is not overwritten from a phone: a different vote waits until staff send the first back.
    if (input.status !== flat.status) await requireSameWrittenVote(tx, stairwell.id, stairwell.doorNumber, flat, input.status);
    const previous = await first(tx
      .select({ at: visits.at, lng: stairwells.doorLng, lat: stairwells.doorLat })
      .from(visits)
      .innerJoin(flats, eq(flats.id, visits.flatId))
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(visits.userId, user.id))
      .orderBy(desc(visits.at))
      .limit(1));
    const { flag, distanceM } = visitFlag(
      [stairwell.doorLng, stairwell.doorLat],
      input.position,
      previous ? { at: previous.at, door: [previous.lng, previous.lat] } : undefined,
      at,
    );
    // The stairwell's flats as they are, read once: the voter's flats to change, and the rule before and after.
    const statusChanges = input.status !== flat.status;
    const stairwellFlats = statusChanges ? await loadFlatRows(tx, stairwell.id) : [];
    const ruleMetNow = statusChanges && meetsRuleNow(stairwellFlats, flat.voterId, input.status);
    const visit = await only(tx
      .insert(visits)
      .values({
        clientId: input.clientId,
        flatId: flat.id,
        userId: user.id,
        canvasserId: user.canvasserId,
        at,
        outcome: input.outcome,
        statusAfter: input.status,
        concerns: input.concerns,
        note: input.note ?? null,
        nextVisitOn: input.nextVisitOn ?? null,
        compensation: input.compensation,
        whatWorked: input.whatWorked?.length ? input.whatWorked : null,
        whatWorkedNote: input.whatWorkedNote || null,
        lat: input.position?.lat ?? null,
        lng: input.position?.lng ?? null,
        distanceM,
        flag,
        review: flag ? 'pending' : 'none',
      })
      .returning({ id: visits.id }));
    await tx.update(flats)
      // The visit is the follow-up done: who was to call next is cleared, and the visit's own next day stands.
      .set({ concerns: input.concerns, note: input.note ?? flat.note, nextVisitOn: input.nextVisitOn ?? null, nextVisitorCanvasserId: null, nextVisitorNote: null, nextVisitReason: null, compensation: input.compensation, version: flat.version + 1, ...(statusChanges ? { status: input.status } : {}) })
      .where(eq(flats.id, flat.id));
    const changes: FlatChange[] = [];
    // The voter's flats in this stairwell vote as one: each changes, each with its consent event.
    for (const f of stairwellFlats.filter((f) => f.voterId === flat.voterId)) {
      if (f.id !== flat.id) await tx.update(flats).set({ status: input.status, version: f.version + 1 }).where(eq(flats.id, f.id));
      await tx.insert(consentEvents)
        .values({
          flatId: f.id,
          fromStatus: f.status,
          toStatus: input.status,
          canvasserId: user.canvasserId,
          at,
          note: null,
          visitId: visit.id,
          conditions: input.compensation.length && (input.status === 'signed' || input.status === 'intent') ? input.compensation : null,
        });
      changes.push({ kind: 'flat', estateId: stairwell.estateId, stairwellId: stairwell.id, doorNumber: stairwell.doorNumber, floor: f.floor, from: f.status, to: input.status, at, passedNow: false });
    }
    const evidence = input.evidence && files && isFormal(input.status)
      ? await storeEvidence(tx, user, { estateId: stairwell.estateId, stairwellId: stairwell.id, doorNumber: stairwell.doorNumber, flat, vote: input.status, at, visitId: visit.id }, input.evidence, files)
      : null;
    if (evidence && !evidence.duplicate) await record({ kind: 'evidence', estateId: stairwell.estateId, at });
    const last = changes.at(-1);
    if (last && ruleMetNow) last.passedNow = true;
    // The colour the stairwell is drawn in now, on the last change: a wall recolours it without re-reading the map.
    if (last) last.colorKey = mapColorKey(stairwell.stage, evaluateFlats(stairwellFlats.map((f) => (f.voterId === flat.voterId ? { ...f, status: input.status } : f))).bin);
    for (const change of changes) await record(change);
    // The phone celebrates a save that made the stairwell reach the rule.
    return { applied: true, duplicate: false, version: flat.version + 1, status: input.status, flag, ruleMetNow: last?.passedNow ?? false, doorNumber: stairwell.doorNumber, evidence };
  },
});

import { z } from 'zod';
import { checkLiftService } from '../../geo/lifecycle/index.ts';
import { stepInto } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { loadStageHistory } from '../campaign/stage-history.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { isoDay, stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';
import { ensureLiftTag } from './lift-upkeep.ts';

const text = (max: number) => z.string().trim().max(max, `expected at most ${max} characters`);

export const setLiftServiceInput = z.object({
  stairwellId,
  userUnit: text(60),
  maintainer: text(60),
  maintainerLicence: text(40),
  maintainerPhone: text(20),
  // Bounded at what an integer column holds; the price's range (¥0–¥100,000) is checked in geo/lifecycle, in Chinese.
  priceFenPerYear: z.number().int('expected whole fen').min(-(2 ** 31)).max(2 ** 31, 'expected a yearly price of at most ¥21,474,836'),
  termFrom: isoDay,
  termTo: isoDay,
  guarantor: text(60).optional(),
  template: text(60).optional(),
  inspectionValidUntil: isoDay,
});

/**
 * Records a lift's 使用管理单位 and its maintenance agreement (maintainer and licence, price per lift per year, term,
 * 物业托底, the model-building template) and its inspection's validity. Only for a lift in service; checked in
 * geo/lifecycle; a new record replaces the last (the older ones stay as its history).
 */
export const setLiftService = defineCommand({
  roles: WHO.staff,
  input: setLiftServiceInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    const inUse = stepInto((await loadStageHistory(tx, input.stairwellId)).steps, 'in_service');
    if (s.row.stage !== 'in_service' || !inUse) throw refuse.precondition(`${door}：电梯投入使用（运行维保）后才能登记维保合同`, `${door}: the lift is not in service`);
    const service = { ...input, guarantor: input.guarantor || null, template: input.template || null };
    const problem = checkLiftService(service, inUse.on);
    if (problem) throw refuse.badInput(`${problem.field}：${door} ${problem.zh}`, `${problem.field}: ${problem.message}`, problem.field);
    const at = shanghaiIso(now);
    const { stairwellId: id, ...values } = service;
    await tx.insert(tx.t.liftServices).values({ stairwellId: id, ...values, recordedBy: user.username, at });
    // The lift's QR sticker for maintenance visits: made with its first agreement, kept through later ones.
    await ensureLiftTag(tx, id);
    await record({ kind: 'settings', estateId: s.row.estateId, at });
    return { doorNumber: door, maintainer: service.maintainer };
  },
});

import { PIPELINE_STAGES, type PipelineStage, type Stage } from '../stages/stages.ts';
import type { Compensation } from './compensations.ts';

/**
 * 最大公约数: what a low-floor household is promised for its yes, as an obligation with a deliverer and a stage it is
 * due by, delivered with a photo and signed off by the household.
 */
export const PROMISE_KINDS = ['priority_parking', 'drying_rack', 'wall_panel', 'pipe_move', 'lighting', 'meter_box', 'reduced_share', 'other'] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];
export const PROMISE_KIND_ZH: Record<PromiseKind, string> = {
  priority_parking: '优先停车位',
  drying_rack: '室外晾衣架',
  wall_panel: '墙面护板',
  pipe_move: '管线移位',
  lighting: '低层楼道照明',
  meter_box: '电表箱封闭',
  reduced_share: '减免出资',
  other: '其他承诺',
};

export const DELIVERERS = ['property_company', 'contractor', 'renovation_programme'] as const;
export type Deliverer = (typeof DELIVERERS)[number];
export const DELIVERER_ZH: Record<Deliverer, string> = { property_company: '物业公司', contractor: '施工单位', renovation_programme: '综合修缮项目' };

/** Who usually delivers each promise, and by which stage: the starting point /admin offers, which staff may change. */
export const PROMISE_DEFAULTS: Record<PromiseKind, { deliverer: Deliverer; dueStage: PipelineStage }> = {
  priority_parking: { deliverer: 'property_company', dueStage: 'in_service' },
  drying_rack: { deliverer: 'property_company', dueStage: 'accepted' },
  wall_panel: { deliverer: 'contractor', dueStage: 'accepted' },
  pipe_move: { deliverer: 'contractor', dueStage: 'under_construction' },
  lighting: { deliverer: 'renovation_programme', dueStage: 'accepted' },
  meter_box: { deliverer: 'renovation_programme', dueStage: 'accepted' },
  reduced_share: { deliverer: 'property_company', dueStage: 'agreement_signed' },
  other: { deliverer: 'property_company', dueStage: 'accepted' },
};

/** A visit's "depends on" as the promise it becomes. */
export const PROMISE_OF_COMPENSATION: Record<Compensation, PromiseKind> = { priority_parking: 'priority_parking', drying_rack: 'drying_rack', other: 'other' };

const order = (s: Stage) => (s === 'suspended' ? -1 : PIPELINE_STAGES.indexOf(s));

/** A promise cannot be due by a stage its stairwell has already reached. */
export function dueStagePassed(dueStage: Stage, current: Stage): boolean {
  return order(current) >= order(dueStage);
}

/** Undelivered once its stairwell has reached the stage it was due by. */
export function promiseOverdue(p: { dueStage: Stage; deliveredOn: string | null }, current: Stage): boolean {
  return p.deliveredOn === null && dueStagePassed(p.dueStage, current);
}

/** Promises made and kept per kind, for the public page and the deck: counts, never a household. */
export function promiseCounts(promises: readonly { kind: PromiseKind; deliveredOn: string | null }[]): { kind: PromiseKind; made: number; kept: number }[] {
  return PROMISE_KINDS.flatMap((kind) => {
    const of = promises.filter((p) => p.kind === kind);
    return of.length ? [{ kind, made: of.length, kept: of.filter((p) => p.deliveredOn !== null).length }] : [];
  });
}

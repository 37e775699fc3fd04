import type { ViolationKind } from './check-plan.ts';

/** Each broken constraint in the words a committee uses, for refusals and the exported workbook. */
export const VIOLATION_ZH: Record<ViolationKind, string> = {
  ready: '开工前未就绪',
  crews: '施工队不足',
  blocks_lane: '阻断消防通道',
  lane_conflict: '同一消防通道多处收窄',
  parking: '占用车位超限',
  dates: '日期重叠',
  missing: '门洞未排入',
};

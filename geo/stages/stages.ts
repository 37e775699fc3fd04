/** The stairwell pipeline of SPEC §4, in order; `suspended` stands outside it. */
export const PIPELINE_STAGES = [
  'canvassing',
  'consent_passed',
  'agreement_signed',
  'public_notice',
  'design_approved',
  'permitted',
  'under_construction',
  'accepted',
  'in_service',
] as const;
export const STAGES = [...PIPELINE_STAGES, 'suspended'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type Stage = (typeof STAGES)[number];

/** Each stage's name as the committee says it. */
export const STAGE_ZH: Record<Stage, string> = {
  canvassing: '意见征询',
  consent_passed: '征询通过',
  agreement_signed: '签订加梯协议',
  public_notice: '公示',
  design_approved: '联合审查',
  permitted: '施工许可',
  under_construction: '施工',
  accepted: '竣工验收',
  in_service: '运行维保',
  suspended: '暂缓',
};

/** The same in English, for the toggle. */
export const STAGE_EN: Record<Stage, string> = {
  canvassing: 'Canvassing',
  consent_passed: 'Consent passed',
  agreement_signed: 'Agreement signed',
  public_notice: 'Public notice',
  design_approved: 'Joint review',
  permitted: 'Permitted',
  under_construction: 'Under construction',
  accepted: 'Accepted',
  in_service: 'In service',
  suspended: 'Suspended',
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Position in the pipeline; `suspended` is -1. */
export function stageIndex(stage: Stage): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(stage);
}

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

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Position in the pipeline; `suspended` is -1. */
export function stageIndex(stage: Stage): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(stage);
}

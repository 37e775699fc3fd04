export { PIPELINE_STAGES, STAGE_ZH, STAGES, isStage, stageIndex, type PipelineStage, type Stage } from './stages.ts';
export { checkStageChange, type StageChange, type StageRefusal } from './check-stage-change.ts';

export { PIPELINE_STAGES, STAGES, isStage, stageIndex, type PipelineStage, type Stage } from './stages.ts';
export { checkStageChange, type StageChange, type StageRefusal } from './check-stage-change.ts';

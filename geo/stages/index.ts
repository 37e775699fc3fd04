export { PIPELINE_STAGES, STAGE_EN, STAGE_ZH, STAGES, isStage, stageIndex, type PipelineStage, type Stage } from './stages.ts';
export { checkStageChange, type StageChange, type StageRefusal, type StageRefusalCode } from './check-stage-change.ts';
export { OBJECTION_OUTCOMES, type ConsentRecord, type ObjectionOutcome, type ObjectionStatus, type StageDetails } from './stage-details.ts';
export {
  CONFIRM_WITHIN_DAYS,
  MAX_NOTICE_DAYS,
  MAX_OBJECTION_DAYS,
  MIN_NOTICE_DAYS,
  MIN_OBJECTION_DAYS,
  REGISTRATION_DUE_DAYS,
  noticeWindows,
  type NoticeWindows,
} from './notice-windows.ts';
export { effectiveHistory, standing, stepInto, type EffectiveStep, type StageEventLike } from './effective-history.ts';
export {
  DEFAULT_POST_GRACE_DAYS,
  LEGAL_EN,
  LEGAL_KINDS,
  LEGAL_STEP,
  LEGAL_ZH,
  MAX_POST_GRACE_DAYS,
  REGISTER_WITHIN_DAYS,
  TECHNICAL_FILE_WITHIN_DAYS,
  checkLegalRecord,
  legalDeadlines,
  type LegalDates,
  type LegalKind,
  type LegalRecordInput,
  type LegalRefusal,
} from './legal-steps.ts';

export { CONCERN_TAGS, type ConcernTag } from './concern-tags.ts';
export { CANVASSER_ROLES, type CanvasserRole } from './canvasser-roles.ts';
export type { CampaignHistory, CanvasserRow, ConsentEventRow, RegisterRow, StageEventRow } from './register-types.ts';
export { REGISTER_COLUMNS, registerColumnOf, type RegisterColumn } from './register-columns.ts';
export { registerRowSchema } from './register-row-schema.ts';
export { COMPENSATIONS, VISIT_OUTCOMES, type Compensation, type VisitOutcome } from './compensations.ts';
export { DEFAULT_CONCERN_ANSWERS } from './concern-answers.ts';
export { CANVASSER_COLUMNS, CANVASSER_ROLE_ZH, canvasserColumnOf, canvasserRoleOf, type CanvasserColumn } from './canvasser-columns.ts';
export { canvasserProblems } from './canvasser-problems.ts';

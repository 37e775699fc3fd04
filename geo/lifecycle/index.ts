export { CONTRACT_WARN_DAYS, LIFT_EMERGENCY_LINE, checkLiftService, monthBefore, serviceDue, type LiftService, type ServiceDueKind, type ServiceProblem } from './lift-service.ts';

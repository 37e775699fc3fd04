export { fitPlan, MAX_RESIDUAL_M, type PlanCorners, type PlanFit, type PlanPoint } from './fit-plan.ts';

export { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN, flatCost, SUBSIDY_CAP_YUAN, SUBSIDY_SHARE, type CostFlat, type FlatCost } from './flat-share.ts';

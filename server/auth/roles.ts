/** Who a signed-in user is to LiftMap (README, "People and roles"). */
export const ROLES = ['admin', 'planner', 'canvasser', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

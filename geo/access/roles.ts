/** Who a signed-in user is to LiftMap (README, "People and roles"): the server authorises by it, /admin offers it. */
export const ROLES = ['admin', 'planner', 'canvasser', 'viewer', 'maintainer'] as const;
export type Role = (typeof ROLES)[number];

/** Who a canvasser (包干人) is (SPEC §2). */
export const CANVASSER_ROLES = ['party_member', 'group_leader', 'volunteer', 'staff'] as const;
export type CanvasserRole = (typeof CANVASSER_ROLES)[number];

/** What a low-floor household may be promised for its yes (最大公约数). */
export const COMPENSATIONS = ['priority_parking', 'drying_rack', 'other'] as const;
export type Compensation = (typeof COMPENSATIONS)[number];

/** What happened at the door. */
export const VISIT_OUTCOMES = ['talked', 'not_home', 'refused_talk', 'left_note'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

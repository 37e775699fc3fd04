import { CANVASSER_ROLES, type CanvasserRole } from './canvasser-roles.ts';

/** The 包干 table's columns with the Chinese headers a committee's Excel has. */
export const CANVASSER_COLUMNS = {
  canvasserId: '编号',
  name: '姓名',
  role: '身份',
  partyGroup: '党小组',
  doorNumbers: '包干门牌号',
} as const;
export type CanvasserColumn = keyof typeof CANVASSER_COLUMNS;

/** A canvasser's role as the table may write it, in Chinese. */
export const CANVASSER_ROLE_ZH: Record<CanvasserRole, string> = { party_member: '党员', group_leader: '楼组长', volunteer: '志愿者', staff: '居委干部' };

const BY_HEADER = new Map<string, CanvasserColumn>(
  (Object.entries(CANVASSER_COLUMNS) as [CanvasserColumn, string][]).flatMap(([en, zh]) => [
    [en.toLowerCase(), en],
    [zh, en],
  ]),
);
const BY_ROLE = new Map<string, CanvasserRole>(CANVASSER_ROLES.flatMap((r) => [[r, r], [CANVASSER_ROLE_ZH[r], r]] as [string, CanvasserRole][]));

/**
 * The canvasser column a header names, in English or Chinese; null if none.
 *
 * @example canvasserColumnOf('包干门牌号') // 'doorNumbers'
 */
export function canvasserColumnOf(header: string): CanvasserColumn | null {
  return BY_HEADER.get(header.trim().replace(/^\uFEFF/, '').toLowerCase()) ?? null;
}

/**
 * A role written in English or Chinese, as its closed-set value; the text itself when unknown (the schema then names it).
 *
 * @example canvasserRoleOf('楼组长') // 'group_leader'
 */
export function canvasserRoleOf(text: string): string {
  return BY_ROLE.get(text.trim()) ?? text;
}

/** Register columns (SPEC §7) with their Chinese headers, as committees' Excel files have them. */
export const REGISTER_COLUMNS = {
  doorNumber: '门牌号',
  floor: '楼层',
  room: '室号',
  areaM2: '面积',
  voterId: '表决人编号',
  voterName: '姓名',
  phone: '电话',
  residents: '人数',
  aged60to79: '60-79岁',
  aged80plus: '80岁以上',
  status: '状态',
  concerns: '顾虑',
  note: '备注',
  /** The flat's version when the file was exported: a re-import refuses rows changed since. */
  version: '版本',
} as const;
export type RegisterColumn = keyof typeof REGISTER_COLUMNS;

const BY_HEADER = new Map<string, RegisterColumn>(
  (Object.entries(REGISTER_COLUMNS) as [RegisterColumn, string][]).flatMap(([en, zh]) => [
    [en.toLowerCase(), en],
    [zh, en],
  ]),
);

/**
 * The register column a header names, in English or Chinese; null if none.
 *
 * @example registerColumnOf(' 门牌号 ') // 'doorNumber'
 */
export function registerColumnOf(header: string): RegisterColumn | null {
  return BY_HEADER.get(header.trim().replace(/^\uFEFF/, '').toLowerCase()) ?? null;
}

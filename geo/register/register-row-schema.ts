import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from '../consent/household-status.ts';
import { CONCERN_TAGS } from './concern-tags.ts';
import { areaCell, concernsCell, floorCell, halfWidth, roomCell, statusCell } from './register-cells.ts';
import type { RegisterRow } from './register-types.ts';

/** Every message of the register's schema, in English and Chinese: a refusal names sheet, row, column and value in the screen's language. */
export const REGISTER_MESSAGES = {
  maxText: { en: 'expected at most 500 characters', zh: '最多 500 个字' },
  wholeNumber: { en: 'expected a whole number', zh: '应为整数' },
  zeroOrMore: { en: 'expected 0 or more', zh: '应为 0 或以上' },
  door: { en: 'expected a door number such as 长风二村 45号', zh: '应为门牌号，如 长风二村 45号' },
  doorLength: { en: 'expected a door number of at most 100 characters', zh: '门牌号最多 100 个字' },
  floor: { en: 'expected a floor number such as 3 (or 3楼, 三楼)', zh: '应为楼层数，如 3、3楼 或 三楼' },
  floorWhole: { en: 'expected a whole floor number', zh: '楼层应为整数' },
  floorFrom: { en: 'expected a floor from 1', zh: '楼层应从 1 起' },
  floorUpTo: { en: 'expected a floor up to 40', zh: '楼层最高 40' },
  room: { en: 'expected a room such as 301', zh: '应为室号，如 301' },
  roomLength: { en: 'expected a room of at most 20 characters', zh: '室号最多 20 个字' },
  area: { en: 'expected an area in m² such as 45.67', zh: '应为面积（平方米），如 45.67 或 45.67㎡' },
  areaPositive: { en: 'expected a positive area in m²', zh: '面积应大于 0' },
  areaMax: { en: 'expected an area under 1000 m²', zh: '面积应小于 1000 平方米' },
  voterId: { en: 'expected the voter id (表决人编号)', zh: '应填表决人编号' },
  voterIdLength: { en: 'expected a voter id of at most 40 characters', zh: '表决人编号最多 40 个字' },
  version: { en: 'expected the version number the export wrote', zh: '应为导出时写入的版本号' },
  elders: { en: 'expected aged60to79 + aged80plus to be at most residents', zh: '60-79 岁与 80 岁以上人数之和不能超过人数' },
  status: { en: `expected one of ${HOUSEHOLD_STATUSES.join(', ')} (or 已签字同意, 反对, 弃权, 口头同意, 考虑中, 未走访, 联系不上)`, zh: '应为 已签字同意、反对、弃权、口头同意、考虑中、未走访、联系不上 之一' },
  concerns: { en: `expected tags among ${CONCERN_TAGS.join(', ')}`, zh: '顾虑应为 房价、噪音、采光、维保费用、停车、晾晒、出资分摊、其他，用顿号或分号分隔' },
} as const;
const M = REGISTER_MESSAGES;

const ZH = new Map<string, string>(Object.values(REGISTER_MESSAGES).map((m) => [m.en, m.zh]));
/** The Chinese of a schema message; a message zod wrote itself gets a plain 格式不对. */
export const registerMessageZh = (en: string): string => ZH.get(en) ?? `格式不对（${en}）`;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(500, M.maxText.en).optional()).transform((v) => v ?? null);
const count = z.preprocess(blankToUndefined, z.coerce.number({ error: M.wholeNumber.en }).int(M.wholeNumber.en).min(0, M.zeroOrMore.en).optional());

/** One register row as text cells (CSV or XLSX) → a typed row; messages say what was expected. */
export const registerRowSchema = z
  .object({
    doorNumber: z.preprocess((v) => (typeof v === 'string' ? halfWidth(v) : v), z.string().trim().min(1, M.door.en).max(100, M.doorLength.en)),
    floor: z.preprocess(floorCell, z.coerce.number({ error: M.floor.en }).int(M.floorWhole.en).min(1, M.floorFrom.en).max(40, M.floorUpTo.en)),
    room: z.preprocess(roomCell, z.coerce.string().trim().min(1, M.room.en).max(20, M.roomLength.en)),
    areaM2: z
      .preprocess((v) => areaCell(blankToUndefined(v)), z.coerce.number({ error: M.area.en }).positive(M.areaPositive.en).max(1000, M.areaMax.en).optional())
      .transform((v) => v ?? null),
    voterId: z.coerce.string().trim().min(1, M.voterId.en).max(40, M.voterIdLength.en),
    voterName: optionalText,
    phone: optionalText,
    residents: count.transform((v) => v ?? 0),
    aged60to79: count.transform((v) => v ?? 0),
    aged80plus: count.transform((v) => v ?? 0),
    status: z
      .preprocess((v) => statusCell(blankToUndefined(v)), z.enum(HOUSEHOLD_STATUSES, { error: M.status.en }).optional())
      .transform((v) => v ?? 'unvisited'),
    concerns: z
      .preprocess(
        concernsCell,
        z.array(z.enum(CONCERN_TAGS, { error: M.concerns.en })),
      ),
    note: optionalText,
    version: z
      .preprocess(blankToUndefined, z.coerce.number({ error: M.version.en }).int().positive().max(2 ** 31).optional())
      .transform((v) => v ?? null),
  })
  .refine((r) => r.residents === 0 || r.aged60to79 + r.aged80plus <= r.residents, {
    message: M.elders.en,
    path: ['residents'],
  }) satisfies z.ZodType<RegisterRow>;

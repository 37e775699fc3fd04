import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from '../consent/household-status.ts';
import { CONCERN_TAGS } from './concern-tags.ts';
import { areaCell, concernsCell, floorCell, halfWidth, roomCell, statusCell } from './register-cells.ts';
import type { RegisterRow } from './register-types.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(500, 'expected at most 500 characters').optional()).transform((v) => v ?? null);
const count = z.preprocess(blankToUndefined, z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(0, 'expected 0 or more').optional());

/** One register row as text cells (CSV or XLSX) → a typed row; messages say what was expected. */
export const registerRowSchema = z
  .object({
    doorNumber: z.preprocess((v) => (typeof v === 'string' ? halfWidth(v) : v), z.string().trim().min(1, 'expected a door number such as 长风二村 45号').max(100, 'expected a door number of at most 100 characters')),
    floor: z.preprocess(floorCell, z.coerce.number({ error: 'expected a floor number such as 3 (or 3楼, 三楼)' }).int('expected a whole floor number').min(1, 'expected a floor from 1').max(40, 'expected a floor up to 40')),
    room: z.preprocess(roomCell, z.coerce.string().trim().min(1, 'expected a room such as 301').max(20, 'expected a room of at most 20 characters')),
    areaM2: z
      .preprocess((v) => areaCell(blankToUndefined(v)), z.coerce.number({ error: 'expected an area in m² such as 45.67' }).positive('expected a positive area in m²').max(1000, 'expected an area under 1000 m²').optional())
      .transform((v) => v ?? null),
    voterId: z.coerce.string().trim().min(1, 'expected the voter id (表决人编号)').max(40, 'expected a voter id of at most 40 characters'),
    voterName: optionalText,
    phone: optionalText,
    residents: count.transform((v) => v ?? 0),
    aged60to79: count.transform((v) => v ?? 0),
    aged80plus: count.transform((v) => v ?? 0),
    status: z
      .preprocess((v) => statusCell(blankToUndefined(v)), z.enum(HOUSEHOLD_STATUSES, { error: `expected one of ${HOUSEHOLD_STATUSES.join(', ')} (or 已签字同意, 反对, 弃权, 口头同意, 考虑中, 未走访, 联系不上)` }).optional())
      .transform((v) => v ?? 'unvisited'),
    concerns: z
      .preprocess(
        concernsCell,
        z.array(z.enum(CONCERN_TAGS, { error: `expected tags among ${CONCERN_TAGS.join(', ')}` })),
      ),
    note: optionalText,
    version: z
      .preprocess(blankToUndefined, z.coerce.number({ error: 'expected the version number the export wrote' }).int().positive().max(2 ** 31).optional())
      .transform((v) => v ?? null),
  })
  .refine((r) => r.residents === 0 || r.aged60to79 + r.aged80plus <= r.residents, {
    message: 'expected aged60to79 + aged80plus to be at most residents',
    path: ['residents'],
  }) satisfies z.ZodType<RegisterRow>;

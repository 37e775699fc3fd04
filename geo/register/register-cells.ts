import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../consent/household-status.ts';
import { CONCERN_TAGS, CONCERN_ZH, type ConcernTag } from './concern-tags.ts';

/**
 * Cells as committees type them in their own Excel registers, read into the
 * register's values: full-width digits, rooms written 3-301 / 301室 / 3楼301,
 * floors 三楼 / 3F / 3层, areas 45.6㎡, statuses and concerns in Chinese.
 * Each returns the cell unchanged when it does not recognise it, so the
 * register's schema refuses it with its usual message.
 */

/** Full-width digits, letters and punctuation (０-９, Ａ, －, ．) as their ASCII forms; full-width space as a space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumber(text: string): number | null {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGIT[a]! : null;
  return (a ? DIGIT[a]! : 1) * 10 + (b ? DIGIT[b]! : 0);
}

/**
 * A floor cell: 3, ３, 3F, 3楼, 3层, 三楼, 第三层 → 3.
 *
 * @example floorCell('三楼') // 3
 */
export function floorCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = halfWidth(value).trim().replace(/^第/, '').replace(/\s*(楼|层|F|f)$/, '');
  if (/^\d+$/.test(text)) return Number(text);
  return chineseNumber(text) ?? value;
}

/**
 * A room cell as the register keeps it, the room's own number: 301, 301室,
 * 3-301, 3楼301, 3F-301, 301号 → 301. A room with letters (301A) keeps them.
 *
 * @example roomCell('3-301') // '301'
 */
export function roomCell(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return value;
  const text = halfWidth(value).trim().replace(/\s+/g, '').replace(/(室|号|房)$/, '');
  const m = /(\d{3,4}[A-Za-z]?)$/.exec(text);
  // What comes before the room's number may only be its floor or unit: 3-, 3楼, 三楼, 3F-.
  if (m && /^((\d+|[一二两三四五六七八九十]+)(楼|层|F|f)?[-—_/]?)?$/.test(text.slice(0, m.index))) return m[1];
  return text;
}

/**
 * An area cell in m²: 45.6, 45.6㎡, 45.6m², 45.6 平方米, 45.6平米, ４５.６ → 45.6.
 *
 * @example areaCell('45.6㎡') // 45.6
 */
export function areaCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = halfWidth(value).trim().replace(/\s*(㎡|m²|m2|M2|平方米|平米|平方)$/, '');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : value;
}

/** Status words committees write, each to the register's code. */
const STATUS_WORDS: Record<string, HouseholdStatus> = {
  未走访: 'unvisited',
  未访: 'unvisited',
  考虑中: 'undecided',
  考虑: 'undecided',
  犹豫: 'undecided',
  口头同意: 'intent',
  已签字同意: 'signed',
  已签字: 'signed',
  签字同意: 'signed',
  已签: 'signed',
  同意: 'signed',
  弃权: 'abstain',
  反对: 'opposed',
  不同意: 'opposed',
  联系不上: 'unreachable',
  无法联系: 'unreachable',
};

/**
 * A status cell: the register's code (signed) or its Chinese word (已签字同意,
 * 已签字, 同意, 反对, 不同意, 弃权, 口头同意, 考虑中, 未走访, 联系不上).
 *
 * @example statusCell('已签字') // 'signed'
 */
export function statusCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = halfWidth(value).trim();
  if ((HOUSEHOLD_STATUSES as readonly string[]).includes(text)) return text;
  return STATUS_WORDS[text] ?? value;
}

/** Concern words in Chinese: the canvass screen's names, and the other words registers use. */
const CONCERN_WORDS: Record<string, ConcernTag> = {
  ...Object.fromEntries((Object.entries(CONCERN_ZH) as [ConcernTag, string][]).map(([tag, zh]) => [zh, tag])),
  噪声: 'noise',
  维保: 'maintenance_cost',
  出资: 'cost_share',
};

/**
 * A concerns cell: tags separated by ; ； 、 , or ，, in English codes or
 * Chinese words (噪音、采光).
 *
 * @example concernsCell('噪音、采光') // ['noise', 'light']
 */
export function concernsCell(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? [];
  return halfWidth(value)
    .split(/[;；、,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ((CONCERN_TAGS as readonly string[]).includes(s) ? s : (CONCERN_WORDS[s] ?? s)));
}

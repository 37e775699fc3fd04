import type { FormalStatus } from './formal-votes.ts';

export const VOTE_ZH: Record<FormalStatus, string> = { signed: '同意', opposed: '反对', abstain: '弃权' };

export interface ConsentTextInput {
  estateName: string;
  doorNumber: string;
  /** The voter's flats in this stairwell (one vote for all of them), with their exclusive area in m² when known. */
  rooms: readonly { room: string; areaM2: number | null }[];
  vote: FormalStatus;
  /** The day the vote is cast (YYYY-MM-DD, Shanghai). */
  on: string;
}

const area = (m2: number | null) => (m2 === null ? '面积待核' : `专有面积 ${m2.toFixed(2)}㎡`);
const dayZh = (on: string) => {
  const [y, m, d] = on.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * What the voter reads before signing, and what is stored with the
 * signature: the flats it covers with their areas, the question and the
 * vote, and the day. The phone and the server build it with this one
 * function, so a signature is stored only under the text that was shown.
 *
 * @example consentText({ estateName: '风荷苑', doorNumber: '12号', rooms: [{ room: '301', areaM2: 45.6 }], vote: 'signed', on: '2026-12-06' })
 * // '风荷苑 12号 301室（专有面积 45.60㎡）业主表决：对本门洞加装电梯，我的意见是「同意」。表决日期：2026年12月6日。'
 */
export function consentText({ estateName, doorNumber, rooms, vote, on }: ConsentTextInput): string {
  const flats = rooms.map((r) => `${r.room}室（${area(r.areaM2)}）`).join('、');
  return `${estateName} ${doorNumber} ${flats}业主表决：对本门洞加装电梯，我的意见是「${VOTE_ZH[vote]}」。表决日期：${dayZh(on)}。`;
}

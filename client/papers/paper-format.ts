export const yuan = (n: number) => `¥${n.toLocaleString('en-US')}`;
/** A share in [0, 1] as a percentage with one decimal. */
export const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
/** `part` of `whole` as a percentage, or a dash when there is no whole. */
export const pctOf = (part: number, whole: number) => (whole > 0 ? pct(part / whole) : '—');

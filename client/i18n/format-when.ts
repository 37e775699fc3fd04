const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string) {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
}

/** A day as a reader writes it, Shanghai time: 12月4日 (4 Dec). */
export function dayLabel(iso: string, lang: string): string {
  const p = parts(iso);
  return lang === 'en' ? `${p.day} ${MONTHS[Number(p.month) - 1]}` : `${p.month}月${p.day}日`;
}

/** A day and time, Shanghai time: 12月4日 19:11 (4 Dec 19:11). */
export function dayTimeLabel(iso: string, lang: string): string {
  const p = parts(iso);
  return `${dayLabel(iso, lang)} ${p.hour}:${p.minute}`;
}

/** A calendar month of a YYYY-MM-DD day, as planners say it: 2027年1月 (Jan 2027). */
export function monthLabel(day: string, lang: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return lang === 'en' ? `${MONTHS[m - 1]} ${y}` : `${y}年${m}月`;
}

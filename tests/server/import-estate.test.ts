import { count } from 'drizzle-orm';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { t } from '../support/tables.ts';
import { ImportError } from '../../server/import/import-error.ts';
import { loadEstateDir } from '../../server/import/load-estate-dir.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { FENGHE_DIR } from '../support/test-server.ts';
import { first } from '../../server/db/database.ts';

let db: Db;
let close: () => Promise<void>;
let work: string;
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'liftmap-import-'));
  ({ db, close } = await openTestDatabase(join(work, 'test.db')));
});
afterEach(() => close());

/** A copy of the bundled estate with one file edited. */
function variant(file: string, edit: (text: string) => string): string {
  const dir = join(work, 'estate');
  cpSync(FENGHE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const rows = async (table: typeof t.flats | typeof t.estates | typeof t.consentEvents) => (await first(db.select({ n: count() }).from(table)))?.n;
const problemsOf = async (run: () => Promise<unknown>): Promise<string[]> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportError) return e.problems;
    throw e;
  }
  return [];
};

describe('importing an estate', () => {
  it('seeds the bundled estate once, with every flat and event', async () => {
    expect(await seedIfEmpty(db, FENGHE_DIR)).toBe(true);
    expect(await seedIfEmpty(db, FENGHE_DIR)).toBe(false);
    expect(await rows(t.estates)).toBe(1);
    expect(await rows(t.flats)).toBe(1920);
    expect(await rows(t.consentEvents)).toBe(readFileSync(join(FENGHE_DIR, 'consent-events.csv'), 'utf8').trim().split('\n').length - 1);
  });

  it('reports every bad register row with its row number and column, and writes nothing', async () => {
    const dir = variant('register.csv', (text) => {
      const lines = text.split('\n');
      lines[3] = lines[3]!.replace(/,\d+\.\d+,V/, ',-4,V'); // negative area on spreadsheet row 4
      lines[10] = lines[10]!.replace(/^(长风二村 \d+号),\d,/, '$1,seven,'); // floor not a number on row 11
      lines[20] = lines[20]!.replace(/,(signed|intent|undecided|unvisited|opposed|abstain|unreachable),/, ',maybe,');
      return lines.join('\n');
    });
    const problems = await problemsOf(() => loadEstateDir(db, dir));
    expect(problems).toContain('register.csv row 4, column areaM2: expected a positive area in m²');
    expect(problems).toContain('register.csv row 11, column floor: expected a floor number such as 3 (or 3楼, 三楼)');
    expect(problems).toContainEqual(expect.stringMatching(/^register.csv row 21, column status: expected one of unvisited, /));
    expect(await rows(t.estates)).toBe(0);
    expect(await rows(t.flats)).toBe(0);
  });

  it('accepts Chinese headers', async () => {
    const dir = variant('register.csv', (text) => {
      const [header, ...rest] = text.split('\n');
      const zh = header!.replace('\uFEFF', '').split(',').map((h) => ({ doorNumber: '门牌号', floor: '楼层', room: '室号', areaM2: '面积', voterId: '表决人编号', voterName: '姓名', phone: '电话', residents: '人数', aged60to79: '60-79岁', aged80plus: '80岁以上', status: '状态', concerns: '顾虑', note: '备注' })[h] ?? h);
      return [zh.join(','), ...rest].join('\n');
    });
    await loadEstateDir(db, dir);
    expect(await rows(t.flats)).toBe(1920);
  });

  it('refuses a stage the signed votes do not allow', async () => {
    const dir = variant('stage-events.csv', (text) => `${text.trim()}\r\n2026-11-23T10:00:00+08:00,长风二村 1号,canvassing,consent_passed,\r\n`);
    const problems = await problemsOf(() => loadEstateDir(db, dir));
    expect(problems).toEqual(['stage-events.csv: 长风二村 1号 is at consent_passed, but its register does not pass the consent rule on signed votes']);
    expect(await rows(t.estates)).toBe(0);
  });

  it('keeps consent events append-only', async () => {
    await seedIfEmpty(db, FENGHE_DIR);
    // The database's own refusal (PostgreSQL's comes wrapped by drizzle as the cause).
    const refusal = (q: PromiseLike<unknown>) => Promise.resolve(q).then(() => 'written', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(await refusal(db.delete(t.consentEvents))).toMatch(/append-only/);
    expect(await refusal(db.update(t.consentEvents).set({ note: 'x' }))).toMatch(/append-only/);
  });
});

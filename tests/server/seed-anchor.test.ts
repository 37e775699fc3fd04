import { asc, desc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { consentEvents, stageEvents } from '../support/tables.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';
import { first } from '../../server/db/database.ts';

const servers: SeededDatabase[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

const span = async (anchorDay?: string) => {
  const s = await seededDatabase({ anchorDay });
  servers.push(s);
  const earliest = (await first(s.db.select({ at: consentEvents.at }).from(consentEvents).orderBy(asc(consentEvents.at)).limit(1)))!.at;
  const last = (await first(s.db.select({ at: consentEvents.at }).from(consentEvents).orderBy(desc(consentEvents.at)).limit(1)))!.at;
  const lastStage = (await first(s.db.select({ at: stageEvents.at }).from(stageEvents).orderBy(desc(stageEvents.at)).limit(1)))!.at;
  return { first: earliest, last, lastStage };
};

describe('the demo estate seeded on any day', () => {
  it('ends its history the day before it is seeded, keeping clock times and the campaign length', async () => {
    const asFiled = await span();
    const seeded = await span('2027-03-01');
    expect(asFiled.last).toBe('2026-11-23T19:11:00+08:00');
    expect(seeded.last).toBe('2027-02-28T19:11:00+08:00');
    // 97 days later, every event alike: the first one and the stages move with it.
    expect(seeded.first.slice(10)).toBe(asFiled.first.slice(10));
    expect(Date.parse(seeded.first) - Date.parse(asFiled.first)).toBe(97 * 86_400_000);
    expect(Date.parse(seeded.lastStage) - Date.parse(asFiled.lastStage)).toBe(97 * 86_400_000);
  });
});

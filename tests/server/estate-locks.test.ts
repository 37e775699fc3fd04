import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import type { Db } from '../../server/db/database.ts';
import { importEstate } from '../../server/import/import-estate.ts';
import { LiveBus } from '../../server/live/live-bus.ts';
import { readRegisterFile } from '../../server/register/read-register-file.ts';
import { callerAs } from '../support/caller.ts';
import { ON_POSTGRES } from '../support/test-database.ts';
import { ROOT, seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let server: SeededDatabase;
let pilot: number;
beforeAll(async () => {
  server = await seededDatabase();
  const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
  const parsed = parseEstateGeoJSON(JSON.parse(fixture('valid.geojson').toString('utf8')));
  const read = await readRegisterFile(fixture('register.csv'), 'register.csv');
  if (!parsed.ok || !read.ok) throw new Error('fixtures must parse');
  pilot = await importEstate(server.db, { slug: '试点小区', layout: parsed.layout, schematic: true, campaign: { register: read.rows, canvassers: [], consentEvents: [], stageEvents: [] } });
});
afterAll(() => server.close());

/** A flat of `estateId` no other voter shares, to record a visit on. */
const flatOf = async (estateId: number, skip = 0) =>
  (await server.sql<{ id: number; version: number }>(
    'SELECT f.id, f.version FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = ? AND f.status IN (?, ?) ORDER BY f.id LIMIT 1 OFFSET ?',
    estateId,
    'unvisited',
    'undecided',
    skip,
  ))[0]!;

/** A write transaction of `estateId` held open until `release` is called; resolves `opened` once it holds its locks. */
function holdWrite(db: Db, estateId: number, body: (tx: Db) => Promise<void> = () => Promise.resolve()) {
  let release!: () => void;
  let opened!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const open = new Promise<void>((r) => (opened = r));
  const done = db.engine.transaction(
    async (tx) => {
      await body(tx);
      opened();
      await released;
    },
    'write',
    { estateId },
  );
  return { open, release, done };
}

const settledWithin = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe.runIf(ON_POSTGRES)('writes on PostgreSQL lock their estate, not the city', () => {
  it('a visit in one estate is recorded while a write of another estate is open; a visit in the same estate waits for it', async () => {
    const planner = await callerAs(server.db, 'planner');
    const held = holdWrite(server.db, 1);
    await held.open;
    const other = await flatOf(pilot);
    const elsewhere = planner.canvass.recordVisit({ flatId: other.id, expectedVersion: other.version, clientId: 'lock-pilot-1', outcome: 'talked', status: 'intent', concerns: [], compensation: [] });
    expect(await settledWithin(elsewhere, 5_000)).toBe(true);
    const same = await flatOf(1);
    const here = planner.canvass.recordVisit({ flatId: same.id, expectedVersion: same.version, clientId: 'lock-fenghe-1', outcome: 'talked', status: 'intent', concerns: [], compensation: [] });
    expect(await settledWithin(here, 1_000)).toBe(false);
    held.release();
    await held.done;
    expect((await here).applied).toBe(true);
  });

  it('changes of two estates reach a live reader in id order, none missed, though the second estate’s write finished its work first', async () => {
    const bus = new LiveBus(server.db, 50);
    const controller = new AbortController();
    const heard: { id: number; estateId: number }[] = [];
    // From the log's last id on, so the reader hears every change written after this line, however soon.
    const [{ last }] = (await server.sql<{ last: number }>('SELECT coalesce(max(id), 0) AS last FROM change_log')) as [{ last: number }];
    const listening = (async () => {
      for await (const e of bus.changes(null, Number(last), controller.signal)) if (e.change.kind === 'settings') heard.push({ id: e.id, estateId: e.change.estateId });
    })();
    const log = async (tx: Db, estateId: number) => {
      await tx.engine.lockChangeLog(tx);
      const change = { kind: 'settings' as const, estateId, at: new Date().toISOString() };
      await tx.insert(tx.t.changeLog).values({ estateId, kind: change.kind, payload: change, at: change.at });
    };
    // The first estate's write logs its change (taking the log's lock) and stays open…
    const first = holdWrite(server.db, 1, (tx) => log(tx, 1));
    await first.open;
    // …while the second estate's write logs after it: its entry can only commit after the first.
    const second = holdWrite(server.db, pilot, (tx) => log(tx, pilot));
    expect(await settledWithin(second.open, 1_000)).toBe(false);
    second.release();
    bus.poke();
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    first.release();
    await Promise.all([first.done, second.done]);
    for (let i = 0; i < 50 && heard.length < 2; i++) {
      bus.poke();
      await new Promise((r) => setTimeout(r, 50));
    }
    controller.abort();
    await listening;
    expect(heard.map((h) => h.estateId)).toEqual([1, pilot]);
    expect(heard[1]!.id).toBeGreaterThan(heard[0]!.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../support/caller.ts';
import { formPhoto } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

/** 最大公约数: a yes that depends on a drying rack becomes a promise, is delivered with a photo, and the public page counts it. */
describe('promises to low-floor households', () => {
  let store: SeededDatabase;
  const clock = new Date('2026-11-24T10:00:00+08:00');
  let staff: Awaited<ReturnType<typeof callerAs>>;
  let canvasser: Awaited<ReturnType<typeof callerAs>>;
  let flat: { id: number; stairwellId: number; version: number };

  beforeAll(async () => {
    store = await seededDatabase();
    staff = await callerAs(store.db, 'planner', { now: () => clock });
    canvasser = await callerAs(store.db, 'canvasser', { now: () => clock }, 'C01', 1);
    const [row] = await store.sql<{ id: number; stairwellId: number; version: number }>(
      "SELECT f.id, f.stairwell_id AS \"stairwellId\", f.version FROM flats f JOIN stairwells s ON s.id = f.stairwell_id JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE c.external_id = 'C01' AND s.stage = 'canvassing' AND f.floor = 1 AND f.status IN ('undecided', 'intent') ORDER BY f.id LIMIT 1",
    );
    flat = row!;
    // A ground-floor yes that depends on an outdoor drying rack.
    await canvasser.canvass.recordVisit({ flatId: flat.id, expectedVersion: flat.version, clientId: 'promise-visit-1', outcome: 'talked', status: 'intent', concerns: ['drying_space'], compensation: ['drying_rack'] });
  });
  afterAll(() => store.close());

  it('seeds promises so the lists have content on the first start: kept in the pilot lifts’ stairwells, due elsewhere, some still conditions', async () => {
    const seeded = await staff.promises.ofEstate({ estateId: 1 });
    expect(seeded.promises.filter((p) => p.deliveredOn && p.photo && p.signedOffOn).length).toBeGreaterThan(0);
    expect(seeded.promises.filter((p) => !p.deliveredOn).length).toBeGreaterThan(0);
    expect(seeded.candidates.length).toBeGreaterThan(0);
    const [pilot] = await store.sql<{ id: number }>("SELECT id FROM stairwells WHERE door_number = '长风二村 3号'");
    const counts = (await staff.stages.publicStairwell({ stairwellId: pilot!.id })).promises;
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c.kept === c.made)).toBe(true);
  });

  it('turns a visit’s “depends on drying rack” into a promise, delivered with a photo; the public page counts it', async () => {
    const before = await staff.promises.ofEstate({ estateId: 1 });
    expect(before.candidates).toContainEqual(expect.objectContaining({ flatId: flat.id, kind: 'drying_rack' }));
    const publicBefore = (await staff.stages.publicStairwell({ stairwellId: flat.stairwellId })).promises.find((p) => p.kind === 'drying_rack');
    const { id } = await staff.promises.make({ flatId: flat.id, kind: 'drying_rack', deliverer: 'property_company', dueStage: 'accepted' });
    const after = await staff.promises.ofEstate({ estateId: 1 });
    expect(after.candidates.some((c) => c.flatId === flat.id && c.kind === 'drying_rack')).toBe(false);
    expect(after.promises.find((p) => p.id === id)).toMatchObject({ deliveredOn: null, overdue: false, dueStage: 'accepted' });
    let pub = (await staff.stages.publicStairwell({ stairwellId: flat.stairwellId })).promises.find((p) => p.kind === 'drying_rack')!;
    expect(pub).toEqual({ kind: 'drying_rack', made: (publicBefore?.made ?? 0) + 1, kept: publicBefore?.kept ?? 0 });
    // A "photo" that is not an image is refused; nothing is written.
    const bad = await refusal(staff.promises.deliver({ promiseId: id, deliveredOn: '2026-11-24', photo: Buffer.from('%PDF-1.4 not a photo').toString('base64') }));
    expect(bad.message).toContain('photo：交付照片应为 JPEG、PNG 或 WebP 图片');
    expect((await staff.promises.ofEstate({ estateId: 1 })).promises.find((p) => p.id === id)!.deliveredOn).toBeNull();
    await staff.promises.deliver({ promiseId: id, deliveredOn: '2026-11-24', photo: formPhoto() });
    expect((await staff.promises.photo({ promiseId: id })).dataUrl).toMatch(/^data:image\/png;base64,/);
    await staff.promises.signOff({ promiseId: id, on: '2026-11-24' });
    pub = (await staff.stages.publicStairwell({ stairwellId: flat.stairwellId })).promises.find((p) => p.kind === 'drying_rack')!;
    expect(pub.kept).toBe((publicBefore?.kept ?? 0) + 1);
    // The public page says nothing about which household.
    const text = JSON.stringify(await staff.stages.publicStairwell({ stairwellId: flat.stairwellId }));
    const [room] = await store.sql<{ room: string }>('SELECT room FROM flats WHERE id = ?', flat.id);
    expect(text).not.toContain(`"${room!.room}"`);
  });

  it('refuses a promise without a deliverer, due by a stage already reached, or made by a canvasser', async () => {
    expect((await refusal(staff.promises.make({ flatId: flat.id, kind: 'wall_panel', deliverer: '' as 'contractor', dueStage: 'accepted' }))).message).toContain('deliverer');
    const [passed] = await store.sql<{ id: number }>("SELECT f.id FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.stage = 'agreement_signed' ORDER BY f.id LIMIT 1");
    const late = await refusal(staff.promises.make({ flatId: passed!.id, kind: 'wall_panel', deliverer: 'contractor', dueStage: 'consent_passed' }));
    expect(late.message).toContain('dueStage：');
    expect(late.message).toContain('请选择之后的阶段');
    expect((await refusal(canvasser.promises.make({ flatId: flat.id, kind: 'lighting', deliverer: 'renovation_programme', dueStage: 'accepted' }))).code).toBe('FORBIDDEN');
  });
});

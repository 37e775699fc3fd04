import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFrame, type LngLat } from '../../geo/geometry/index.ts';
import type { Db } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { callerAs } from '../support/caller.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { FENGHE_DIR } from '../support/test-server.ts';

let db: Db;
let close: () => Promise<void>;
let dir: string;
let planner: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-site-plan-'));
  ({ db, close } = await openTestDatabase(join(dir, 'test.db'), { seeded: true }));
  await seedIfEmpty(db, FENGHE_DIR);
  planner = await callerAs(db, 'planner');
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const png = (width: number, height: number) => PNG.sync.write(new PNG({ width, height })).toString('base64');
/** A plan at 0.5 m a pixel, north up, its top-left corner at Fenghe's north-west corner. */
const origin: LngLat = [121.3980866, 31.2278185];
const frame = createLocalFrame(origin);
const pinned = (x: number, y: number, offM = 0) => ({ px: [x, y] as [number, number], at: frame.toLngLat([x * 0.5 + offM, -y * 0.5]) });

describe('a site plan: stored by its bytes, placed by pinned points', () => {
  it('stores a PNG with its size and hash, places it by three points and gives its corners', async () => {
    const stored = await planner.sitePlan.upload({ estateId: 1, fileName: '总平面图.png', base64: png(800, 400) });
    expect(stored).toMatchObject({ widthPx: 800, heightPx: 400, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    const fit = await planner.sitePlan.place({ estateId: 1, points: [pinned(10, 10), pinned(790, 20), pinned(400, 390)] });
    expect(Math.max(...fit.residualsM)).toBeLessThan(0.1);
    expect(fit.metresPerPx).toBeCloseTo(0.5, 2);
    // Top-left lands on the origin, bottom-right 400 m east and 200 m south of it.
    expect(frame.toMetres(fit.corners[0]).map((m) => Math.round(m))).toEqual([0, 0]);
    expect(frame.toMetres(fit.corners[2]).map((m) => Math.round(m))).toEqual([400, -200]);
    expect(await planner.sitePlan.get({ estateId: 1 })).toMatchObject({ widthPx: 800, points: [{}, {}, {}], opacity: 0.6 });
    await planner.sitePlan.setOpacity({ estateId: 1, opacity: 0.8 });
    expect((await planner.sitePlan.get({ estateId: 1 }))?.opacity).toBe(0.8);
  });

  it('refuses a file that is not an image whatever its name, points in a line, a point on the wrong building, a point outside the photo', async () => {
    await expect(planner.sitePlan.upload({ estateId: 1, fileName: 'plan.png', base64: Buffer.from('<svg onload=alert(1)>').toString('base64') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('不是 PNG、JPEG 或 WebP 图片') as unknown,
    });
    await expect(planner.sitePlan.place({ estateId: 1, points: [pinned(10, 10), pinned(20, 20), pinned(30, 30)] })).rejects.toMatchObject({ message: expect.stringContaining('在一条直线上') as unknown });
    await expect(planner.sitePlan.place({ estateId: 1, points: [pinned(10, 10), pinned(790, 20), pinned(400, 390), pinned(700, 300, 40)] })).rejects.toMatchObject({
      message: expect.stringMatching(/第 4 个点与其他点对不上/) as unknown,
    });
    await expect(planner.sitePlan.place({ estateId: 1, points: [pinned(10, 10), pinned(790, 20), pinned(900, 390)] })).rejects.toMatchObject({ message: expect.stringContaining('第 3 个点不在图片内') as unknown });
    // Nothing refused was stored: the placement is the one above.
    expect((await planner.sitePlan.get({ estateId: 1 }))?.points).toHaveLength(3);
  });

  it('is for staff', async () => {
    const canvasser = await callerAs(db, 'canvasser', {}, 'C01');
    await expect(canvasser.sitePlan.upload({ estateId: 1, fileName: 'x.png', base64: png(2, 2) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(canvasser.sitePlan.get({ estateId: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { imageSize } from 'image-size';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { drawSignature, plannerPage } from '../support/browser.ts';
import { signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let password = '';
/** A stairwell still canvassing, its canvasser, and two rooms nobody has visited. */
let target: { id: number; door: string; owner: string; rooms: [string, string] };
let photoFile = '';

/** A phone camera's photo of a form: 2,400 × 3,200 px, lines of "text" on paper, a few MB as the phone hands it over. */
function cameraPhoto(dir: string): string {
  const png = new PNG({ width: 2400, height: 3200 });
  for (let y = 0; y < 3200; y++)
    for (let x = 0; x < 2400; x++) {
      const i = (y * 2400 + x) * 4;
      const line = y % 120 < 14 && x > 200 && x < 2200 && (x * 7 + y) % 50 < 38;
      const v = line ? 40 : 228 + ((x * 13 + y * 7) % 23);
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = line ? 60 : v - 8;
      png.data[i + 3] = 255;
    }
  const file = join(dir, 'form-photo.png');
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  const [row] = await server.sql<{ id: number; door: string; owner: string }>(
    "SELECT s.id, s.door_number AS door, c.external_id AS owner FROM stairwells s JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE s.stage = 'canvassing' AND (SELECT count(*) FROM flats f WHERE f.stairwell_id = s.id AND f.status = 'unvisited') >= 2 ORDER BY s.id LIMIT 1",
  );
  const rooms = await server.sql<{ room: string }>("SELECT room FROM flats WHERE stairwell_id = ? AND status = 'unvisited' ORDER BY floor, room LIMIT 2", row!.id);
  target = { ...row!, rooms: [rooms[0]!.room, rooms[1]!.room] };
  password = await addUser(server.db, 'xiaoma', 'canvasser', target.owner);
  photoFile = cameraPhoto(mkdtempSync(join(tmpdir(), 'liftmap-photo-')));
});

async function phone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/canvass`);
  await page.locator('input[name="username"]').fill('xiaoma');
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${target.door} `) }).click();
  await page.getByTestId('canvass-grid').waitFor();
  return { context, page };
}
const cell = (page: Page, room: string) => page.locator(`[data-testid="canvass-grid"] button[data-room="${room}"]`);
const evidenceRows = (room: string) =>
  server.sql<{ id: number; method: string; mime: string | null; bytes: number; review: string; note: string | null; signed: number | boolean }>(
    'SELECT e.id, e.method, e.photo_mime AS mime, e.bytes, e.review, e.review_note AS note, e.signature_sha256 IS NOT NULL AS signed FROM vote_evidence e JOIN flats f ON f.id = e.flat_id WHERE f.stairwell_id = ? AND f.room = ? ORDER BY e.id',
    target.id,
    room,
  );

describe('掌上签约 on a phone, then 核验 in /admin', () => {
  it('signs with a drawn stroke, photographs a form offline and syncs it once; staff verify one and send one back; the stairwell cannot be confirmed meanwhile', async () => {
    const [signedRoom, photoRoom] = target.rooms;
    const { context, page } = await phone();

    // The voter signs on the phone under the consent text; an empty pad and a dot are refused on the phone.
    await cell(page, signedRoom).click();
    const form = page.getByTestId('visit-form');
    await form.locator('input[name="status"][value="signed"]').check();
    await expect(form.getByTestId('consent-text').textContent()).resolves.toMatch(new RegExp(`${target.door} ${signedRoom}室（专有面积 [\\d.]+㎡）业主表决：对本门洞加装电梯，我的意见是「同意」。表决日期：\\d{4}年`));
    await form.getByRole('button', { name: '保存走访' }).click();
    await expect(form.getByTestId('evidence-error').textContent()).resolves.toContain('请表决人先在框内签名');
    await form.getByTestId('signature-pad').scrollIntoViewIfNeeded();
    const pad = (await form.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.click(pad.x + pad.width / 2, pad.y + pad.height / 2);
    await expect(form.locator('.vote-evidence [role="alert"]').textContent()).resolves.toContain('签名只有一个点');
    await form.getByRole('button', { name: '重签' }).click();
    await drawSignature(page);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'palm-signing-phone.png'), fullPage: false });
    await form.getByRole('button', { name: '保存走访' }).click();
    await form.waitFor({ state: 'detached' });
    // The phone says the evidence went with the vote.
    await page.getByRole('status').filter({ hasText: '书面凭证已提交，待核验' }).waitFor();
    await page.waitForFunction((room) => document.querySelector(`[data-testid="canvass-grid"] button[data-room="${room}"]`)?.getAttribute('data-evidence') === 'pending', signedRoom, { timeout: 15_000 });
    const signed = await evidenceRows(signedRoom);
    expect(signed.map((r) => [r.method, Boolean(r.signed), r.review])).toEqual([['signature', true, 'pending']]);

    // Offline: the canvasser photographs the signed paper form of an opposing vote; it waits on the phone.
    await context.setOffline(true);
    await page.getByTestId('offline').waitFor();
    await cell(page, photoRoom).click();
    await form.locator('input[name="status"][value="opposed"]').check();
    await form.locator('input[name="evidenceMethod"][value="form_photo"]').check();
    await form.getByTestId('evidence-photo').setInputFiles(photoFile);
    await form.getByTestId('photo-ready').waitFor();
    const shownKb = Number((await form.getByTestId('photo-ready').textContent())!.match(/(\d+) KB/)![1]);
    expect(shownKb).toBeLessThanOrEqual(400);
    await form.getByRole('button', { name: '保存走访' }).click();
    await expect(page.getByTestId('queue').textContent()).resolves.toContain('1 条走访待发送');
    await expect(cell(page, photoRoom).getAttribute('data-waiting')).resolves.toBe('true');
    expect(await evidenceRows(photoRoom)).toHaveLength(0);

    // Back online, after a reload: the queue in IndexedDB is sent, and the photo stored once, as a JPEG of a few hundred KB.
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('my-stairwells').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="queue"]'), undefined, { timeout: 20_000 });
    const photo = await evidenceRows(photoRoom);
    expect(photo.map((r) => [r.method, r.mime, r.review])).toEqual([['form_photo', 'image/jpeg', 'pending']]);
    expect(photo[0]!.bytes).toBeLessThanOrEqual(400 * 1024);
    expect(statSync(photoFile).size).toBeGreaterThan(4 * photo[0]!.bytes);
    // What one vote's evidence weighs, as this phone made it: kept beside the screenshots for the storage estimate in the README.
    writeFileSync(
      join(ROOT, 'tests', 'artifacts', 'evidence-sizes.json'),
      `${JSON.stringify({ signatureBytes: signed[0]!.bytes, formPhotoBytes: photo[0]!.bytes, cameraFileBytes: statSync(photoFile).size }, null, 2)}\n`,
    );

    // Staff cannot confirm the stairwell while a counted vote is unverified.
    const staffClient = await signInAs(server.url, server.db, 'planner');
    const refused = await staffClient.stages.set.mutate({ stairwellId: target.id, to: 'consent_passed' }).catch((e: Error) => e.message);
    expect(refused).toMatch(/不能进入征询通过：(按已签字的表决，征询规则尚未通过|还有 \d+ 份计入的表决未经核验)/);

    // /admin: the signature checked against the register's voter and verified; the photo sent back with a reason.
    const admin = await plannerPage(browser, server.url, server.db);
    await admin.goto(`${server.url}/admin`);
    const panel = admin.getByTestId('evidence-review');
    const first = panel.locator(`li.evidence-item[data-room="${signedRoom}"][data-door="${target.door}"]`);
    await first.getByRole('button', { name: '查看凭证' }).click();
    await admin.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="evidence-signature"]');
      return !!img && img.complete && img.naturalWidth > 300;
    });
    const verify = first.getByRole('button', { name: '核验通过' });
    expect(await verify.isDisabled()).toBe(true);
    for (const label of ['与登记的表决人一致', '字迹清楚可辨', '有表决日期']) await first.getByLabel(label).check();
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-evidence-review.png'), fullPage: false });
    await verify.click();
    await first.waitFor({ state: 'detached' });
    const second = panel.locator(`li.evidence-item[data-room="${photoRoom}"][data-door="${target.door}"]`);
    await second.getByRole('button', { name: '查看凭证' }).click();
    await admin.waitForFunction(() => (document.querySelector<HTMLImageElement>('[data-testid="evidence-photo-view"]')?.naturalWidth ?? 0) > 0);
    await second.getByLabel('退回原因').fill('照片看不清表决日期');
    await second.getByRole('button', { name: '退回' }).click();
    await second.waitFor({ state: 'detached' });
    expect((await evidenceRows(signedRoom)).map((r) => r.review)).toEqual(['verified']);
    expect((await evidenceRows(photoRoom)).map((r) => [r.review, r.note])).toEqual([['rejected', '照片看不清表决日期']]);
    // Opening the files was logged: who, which evidence, which file; staff read it on the stairwell's written record, kept for a dispute.
    expect((await server.sql<{ part: string }>('SELECT part FROM evidence_access ORDER BY id')).map((r) => r.part)).toEqual(['signature', 'photo']);
    const record = admin.getByTestId('stairwell-evidence');
    await record.locator('summary').click();
    await record.locator('select[name="recordStairwell"]').selectOption({ label: target.door });
    await record.locator(`tr[data-room="${signedRoom}"][data-review="verified"]`).waitFor();
    expect(await record.locator(`tr[data-room="${photoRoom}"][data-review="rejected"]`).textContent()).toContain('照片看不清表决日期');
    expect(await record.getByTestId('evidence-access').locator('li').count()).toBe(2);
    await record.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-evidence-record.png'), fullPage: false });

    // On the phone the photographed vote is 待补证 again, with the reason.
    await page.reload();
    await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${target.door} `) }).click();
    await page.waitForFunction((room) => document.querySelector(`[data-testid="canvass-grid"] button[data-room="${room}"]`)?.getAttribute('data-evidence') === 'missing', photoRoom);
    await expect(cell(page, signedRoom).getAttribute('data-evidence')).resolves.toBeNull();
    await cell(page, photoRoom).click();
    await expect(form.locator('.evidence-returned').textContent()).resolves.toContain('照片看不清表决日期');
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'palm-signing-returned.png'), fullPage: false });
    await context.close();
    await admin.close();
    // The stored photo really is the compressed JPEG, at most 1,600 px on its long side.
    const res = await fetch(`${server.url}/api/evidence/${photo[0]!.id}/photo`);
    expect(res.status).toBe(401);
    const size = imageSize(Buffer.from((await server.sql<{ photo: Uint8Array }>('SELECT photo FROM vote_evidence WHERE id = ?', photo[0]!.id))[0]!.photo));
    expect([size.type, Math.max(size.width!, size.height!)]).toEqual(['jpg', 1600]);
  });
});

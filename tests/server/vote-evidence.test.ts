import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../server/db/database.ts';
import { importRegister } from '../../server/commands/import-register.ts';
import { registerQuery } from '../../server/register/register-query.ts';
import { callerAs } from '../support/caller.ts';
import { callerApi, consentTextOf, formPhoto, signaturePng, signedVisit, verifyWrittenVotes } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';
import { boundSql, seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let store: SeededDatabase;
/** The commands' clock: fixed, never today's date. */
const clock = new Date('2027-01-04T10:00:00+08:00');
const sql = <T>(q: string, ...params: unknown[]) => rawRows<T>(store.db, boundSql(q, params));
const n = async (q: string, ...params: unknown[]) => Number((await sql<{ n: number | string }>(q, ...params))[0]!.n);
let staff: Awaited<ReturnType<typeof callerAs>>;
let canvasser: Awaited<ReturnType<typeof callerAs>>;
/** A stairwell still canvassing whose signed votes pass the rule, and one of its voters who owns two flats. */
let passing: { id: number; door: string; voterId: number; rooms: string[] };
let ownerOf: string;

beforeAll(async () => {
  store = await seededDatabase();
  staff = await callerAs(store.db, 'planner', { now: () => clock });
  const map = await staff.estate.map({ estateId: 1 });
  const candidates = map.layers.stairwells.features.map((f) => f.properties).filter((p) => p.stage === 'canvassing' && p.passed);
  const pairs = await sql<{ stairwellId: number; voterId: number; rooms: string }>(
    "SELECT stairwell_id AS \"stairwellId\", voter_id AS \"voterId\", string_agg(room, ',') AS rooms FROM flats WHERE status = 'signed' GROUP BY stairwell_id, voter_id HAVING count(*) > 1",
  );
  const pair = pairs.find((p) => candidates.some((c) => c.id === p.stairwellId))!;
  const s = candidates.find((c) => c.id === pair.stairwellId)!;
  passing = { id: s.id, door: s.doorNumber, voterId: pair.voterId, rooms: pair.rooms.split(',').sort() };
  // The demo campaign carries evidence for its votes (kept for good); here staff have sent all of this stairwell's back, so its votes need evidence again.
  await sql("UPDATE vote_evidence SET review = 'rejected', review_note = '看不清', reviewed_by = recorded_by WHERE stairwell_id = ?", passing.id);
  ownerOf = (await sql<{ id: string }>('SELECT c.external_id AS id FROM canvasser_stairwells cs JOIN canvassers c ON c.id = cs.canvasser_id WHERE cs.stairwell_id = ?', passing.id))[0]!.id;
  canvasser = await callerAs(store.db, 'canvasser', { now: () => clock }, ownerOf);
});
afterAll(() => store?.close());

const registerOf = (id: number) => canvasser.canvass.register({ stairwellId: id });
const counts = async () => ({ evidence: await n('SELECT count(*) AS n FROM vote_evidence'), visits: await n('SELECT count(*) AS n FROM visits') });

describe('掌上签约: a written vote and its evidence', () => {
  it('stores a signature drawn on the phone with its hash, once, and marks the vote 待核验', async () => {
    const reg = await registerOf(passing.id);
    const flat = reg.register.find((f) => f.voterId === passing.voterId)!;
    expect(flat.evidence).toBe('missing');
    const input = signedVisit(reg, flat, 'signed', clock);
    // The text names both of the voter's rooms with their areas, the vote and the day.
    for (const room of passing.rooms) expect(input.evidence!.consentText).toContain(`${room}室`);
    expect(input.evidence!.consentText).toContain('「同意」');
    expect(input.evidence!.consentText).toContain('2027年1月4日');
    const saved = await canvasser.canvass.recordVisit(input);
    expect(saved.evidence).toMatchObject({ duplicate: false });
    expect(saved.evidence!.bytes).toBeGreaterThan(1000);
    // Sent twice (a phone retrying): stored once.
    await canvasser.canvass.recordVisit(input);
    const [row] = await sql<{ signature: Uint8Array; hash: string; text: string }>('SELECT signature, signature_sha256 AS hash, consent_text AS text FROM vote_evidence WHERE client_id = ?', input.evidence!.clientId);
    expect(await n('SELECT count(*) AS n FROM vote_evidence WHERE client_id = ?', input.evidence!.clientId)).toBe(1);
    expect(createHash('sha256').update(Buffer.from(row!.signature)).digest('hex')).toBe(row!.hash);
    expect(Buffer.from(row!.signature).toString('base64')).toBe(input.evidence!.signaturePng);
    expect(row!.text).toBe(input.evidence!.consentText);
    // Both of the voter's flats are waiting for staff.
    const after = await registerOf(passing.id);
    expect(after.register.filter((f) => f.voterId === passing.voterId).map((f) => f.evidence)).toEqual(['pending', 'pending']);
  });

  it('refuses an empty or one-dot signature, a photo that is not an image or over 1 MB, a wrong text, and nothing is written', async () => {
    const reg = await registerOf(passing.id);
    const flat = reg.register.find((f) => f.status === 'signed' && f.evidence === 'missing')!;
    const before = await counts();
    const base = () => signedVisit(reg, flat, 'signed', clock);
    const withEvidence = (e: Partial<NonNullable<ReturnType<typeof base>['evidence']>>) => {
      const v = base();
      return { ...v, evidence: { ...v.evidence!, ...e } };
    };
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ signaturePng: signaturePng('empty') })))).message).toContain('签名是空白的');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ signaturePng: signaturePng('dot') })))).message).toContain('签名只有一个点');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ signaturePng: Buffer.from('not a png').toString('base64') })))).message).toContain('签名不是 PNG 图片');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ method: 'form_photo', signaturePng: undefined, photo: Buffer.from('%PDF-1.4 a scan').toString('base64') })))).message).toContain('照片不是 JPEG、PNG 或 WebP 图片');
    const huge = Buffer.alloc(1100 * 1024, 7);
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ method: 'form_photo', photo: huge.toString('base64') })))).message).toContain('超过 1 MB 上限');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ method: 'form_photo', signaturePng: undefined })))).message).toContain('请拍摄签好字的纸质表决票');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ method: 'proxy', photo: undefined })))).message).toContain('代理人表决需要拍摄委托书');
    expect((await refusal(canvasser.canvass.recordVisit(withEvidence({ consentText: consentTextOf(reg, flat, 'opposed', clock) })))).message).toContain('表决内容与登记不符');
    expect(await refusal(canvasser.canvass.recordVisit({ ...base(), status: 'undecided' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('只有同意、反对、弃权的书面表决需要凭证') as string });
    expect(await counts()).toEqual(before);
    expect((await registerOf(passing.id)).register.find((f) => f.id === flat.id)).toMatchObject({ status: 'signed', evidence: 'missing', version: flat.version });
  });

  it('refuses evidence whose id is already stored for another flat, instead of saving the vote without it; nothing is written', async () => {
    const reg = await registerOf(passing.id);
    const flat = reg.register.find((f) => f.status === 'signed' && f.evidence === 'missing' && f.voterId !== passing.voterId)!;
    // An id stored for another flat of this stairwell.
    const stored = (await sql<{ clientId: string }>('SELECT client_id AS "clientId" FROM vote_evidence WHERE stairwell_id = ? AND flat_id <> ? ORDER BY id LIMIT 1', passing.id, flat.id))[0]!.clientId;
    const visit = signedVisit(reg, flat, 'signed', clock);
    const before = await counts();
    const refused = await refusal(canvasser.canvass.recordVisit({ ...visit, evidence: { ...visit.evidence!, clientId: stored } }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: `${passing.door} ${flat.room}：这份凭证的编号已用于另一户或另一种表决，未保存：请在手机上重新签字或拍照（${passing.door} ${flat.room}: this evidence id is already stored for another flat or another vote; nothing was saved: sign or photograph again on the phone）` });
    expect(await counts()).toEqual(before);
    expect((await registerOf(passing.id)).register.find((f) => f.id === flat.id)).toMatchObject({ evidence: 'missing', version: flat.version });
  });

  it('counts a concern tag given twice once', async () => {
    const reg = await registerOf(passing.id);
    const flat = reg.register.find((f) => f.status === 'undecided' || f.status === 'unvisited' || f.status === 'intent')!;
    await canvasser.canvass.recordVisit({ flatId: flat.id, expectedVersion: flat.version, clientId: `tags-twice-${flat.id}`, outcome: 'talked', status: flat.status, concerns: ['noise', 'noise', 'cost_share'], compensation: ['drying_rack', 'drying_rack'] });
    expect((await registerOf(passing.id)).register.find((f) => f.id === flat.id)).toMatchObject({ concerns: ['noise', 'cost_share'], compensation: ['drying_rack'] });
  });

  it('refuses evidence for a flat the canvasser does not own', async () => {
    const map = await staff.estate.map({ estateId: 1 });
    const owned = new Set((await canvasser.canvass.myStairwells({})).map((s) => s.id));
    const elsewhere = map.layers.stairwells.features.find((f) => !owned.has(f.properties.id) && f.properties.stage === 'canvassing')!.properties.id;
    const reg = await staff.canvass.register({ stairwellId: elsewhere });
    const flat = reg.register.find((f) => f.status === 'signed') ?? reg.register[0]!;
    const before = await counts();
    expect(await refusal(canvasser.canvass.recordVisit(signedVisit(reg, flat, 'signed', clock)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('这个门洞不是您包干的') as string });
    expect(await counts()).toEqual(before);
  });

  it('keeps one vote per voter: a different vote for their other flat is refused until staff send the first back', async () => {
    const reg = await registerOf(passing.id);
    const [, second] = reg.register.filter((f) => f.voterId === passing.voterId);
    const before = await counts();
    const refused = await refusal(canvasser.canvass.recordVisit(signedVisit(reg, second!, 'opposed', clock)));
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toContain(`表决人已在${passing.rooms[0]} 室（同一表决人）书面表决「同意」（待核验）`);
    // The same vote again for the other flat: already covered by the first.
    expect((await refusal(canvasser.canvass.recordVisit(signedVisit(reg, second!, 'signed', clock)))).message).toContain('这一票已有书面凭证');
    expect(await counts()).toEqual(before);

    // Staff send it back with a reason: the flats are 待补证 again, with the reason on the phone; the voter may now vote otherwise.
    const { pending } = await staff.evidence.queue({ estateId: 1 });
    const first = pending.find((e) => e.stairwellId === passing.id && passing.rooms.includes(e.room))!;
    expect(first.voterName).toBeTruthy();
    expect(await refusal(staff.evidence.review({ evidenceId: first.id, verdict: 'rejected', note: '' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('note') as string });
    await staff.evidence.review({ evidenceId: first.id, verdict: 'rejected', note: '签名与产权人姓名不符' });
    const back = await registerOf(passing.id);
    expect(back.register.filter((f) => f.voterId === passing.voterId).map((f) => [f.evidence, f.evidenceReturned])).toEqual([
      ['missing', '签名与产权人姓名不符'],
      ['missing', '签名与产权人姓名不符'],
    ]);
    // Evidence sent back is never verified later.
    expect((await refusal(staff.evidence.review({ evidenceId: first.id, verdict: 'verified', checks: { voterMatches: true, legible: true, dated: true } }))).message).toContain('已退回');
    const again = back.register.find((f) => f.voterId === passing.voterId)!;
    await canvasser.canvass.recordVisit(signedVisit(back, again, 'signed', clock));
  });

  it('verifies only with the three checks ticked', async () => {
    const { pending } = await staff.evidence.queue({ estateId: 1 });
    const e = pending.find((p) => p.stairwellId === passing.id)!;
    expect((await refusal(staff.evidence.review({ evidenceId: e.id, verdict: 'verified', checks: { voterMatches: true, legible: true } } as never))).message).toContain('dated');
    await staff.evidence.review({ evidenceId: e.id, verdict: 'verified', checks: { voterMatches: true, legible: true, dated: true } });
    expect((await registerOf(passing.id)).register.filter((f) => f.voterId === passing.voterId).map((f) => f.evidence)).toEqual(['verified', 'verified']);
  });

  it('confirms a stairwell (征询通过) only when every counted vote is verified; the 公告 marks each verified vote', async () => {
    const before = await staff.evidence.queue({ estateId: 1 });
    const line = before.stairwells.find((s) => s.stairwellId === passing.id)!;
    expect(line.verified).toBe(passing.rooms.length);
    expect(line.missing.length).toBeGreaterThan(0);
    const refused = await refusal(staff.stages.set({ stairwellId: passing.id, to: 'consent_passed', on: '2027-01-04' }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toContain(`${passing.door}：不能进入征询通过：还有 ${line.missing.length} 份计入的表决未经核验：${line.missing[0]}（待补证）`);
    expect(await n("SELECT count(*) AS n FROM stage_events WHERE stairwell_id = ? AND to_stage = 'consent_passed'", passing.id)).toBe(0);

    const verified = await verifyWrittenVotes(callerApi(staff), passing.id, clock);
    expect(verified).toBeGreaterThan(0);
    await staff.stages.set({ stairwellId: passing.id, to: 'consent_passed', on: '2027-01-04' });
    const papers = await staff.stages.papers({ stairwellId: passing.id });
    const counted = papers.flats.filter((f) => f.vote !== 'none');
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every((f) => f.verified)).toBe(true);
    expect(papers.flats.filter((f) => f.vote === 'none').some((f) => f.verified)).toBe(false);
    // Confirmed: its evidence is not sent back any more.
    const done = await sql<{ id: number }>('SELECT id FROM vote_evidence WHERE stairwell_id = ? AND review = ? ORDER BY id LIMIT 1', passing.id, 'verified');
    expect((await refusal(staff.evidence.review({ evidenceId: done[0]!.id, verdict: 'rejected', note: '看不清' }))).message).toContain('门洞已确认征询通过');
  });

  it('records a photographed paper form and a proxy with the 委托书; without evidence the status is kept, 待补证', async () => {
    const owned = await canvasser.canvass.myStairwells({});
    const other = owned.find((s) => s.id !== passing.id && s.stage === 'canvassing')!.id;
    const reg = await registerOf(other);
    const open = reg.register.filter((f) => f.status === 'unvisited' || f.status === 'undecided' || f.status === 'intent');
    const [a, b, c] = open;
    const photo = signedVisit(reg, a!, 'opposed', clock);
    photo.evidence = { ...photo.evidence!, method: 'form_photo', signaturePng: undefined, photo: formPhoto() };
    expect((await canvasser.canvass.recordVisit(photo)).evidence).toMatchObject({ duplicate: false });
    const proxy = signedVisit(reg, b!, 'abstain', clock);
    proxy.evidence = { ...proxy.evidence!, method: 'proxy', photo: formPhoto(300, 400) };
    expect((await canvasser.canvass.recordVisit(proxy)).evidence).toMatchObject({ duplicate: false });
    const bare = signedVisit(reg, c!, 'signed', clock);
    delete bare.evidence;
    expect((await canvasser.canvass.recordVisit(bare)).evidence).toBeNull();
    const after = await registerOf(other);
    const state = (id: number) => after.register.find((f) => f.id === id)!;
    expect([state(a!.id), state(b!.id), state(c!.id)].map((f) => [f.status, f.evidence])).toEqual([
      ['opposed', 'pending'],
      ['abstain', 'pending'],
      ['signed', 'missing'],
    ]);
    const rows = await sql<{ method: string; mime: string | null; hasSig: number | boolean }>(
      'SELECT method, photo_mime AS mime, signature_sha256 IS NOT NULL AS "hasSig" FROM vote_evidence WHERE flat_id IN (?, ?) ORDER BY id',
      a!.id,
      b!.id,
    );
    expect(rows.map((r) => [r.method, r.mime, Boolean(r.hasSig)])).toEqual([
      ['form_photo', 'image/png', false],
      ['proxy', 'image/png', true],
    ]);
  });

  it('keeps the stairwell’s whole written record for a dispute: sent back with its reason, then verified', async () => {
    const record = await staff.evidence.ofStairwell({ stairwellId: passing.id });
    const voter = record.evidence.filter((e) => passing.rooms.includes(e.room));
    expect(voter.map((e) => [e.review, e.reviewNote])).toEqual([
      // The demo's evidence, sent back before this test's signature was taken.
      ['rejected', '看不清'],
      ['rejected', '签名与产权人姓名不符'],
      ['verified', null],
    ]);
    expect(voter.every((e) => e.reviewedBy !== null && e.hasSignature)).toBe(true);
    expect(await refusal(canvasser.evidence.ofStairwell({ stairwellId: passing.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(staff.evidence.ofStairwell({ stairwellId: 999_999 }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a register import that rewrites a written vote, naming the row', async () => {
    const all = await registerQuery(store.db, 1);
    const rows = all.filter((r) => r.stairwellId === passing.id).map(({ areaCentiM2, flatId: _f, stairwellId: _s, ...r }) => ({ ...r, areaM2: areaCentiM2 === null ? null : areaCentiM2 / 100 }));
    // The voter of two flats now opposes, in both rows (one voter, one vote).
    for (const [i, r] of rows.entries()) if (passing.rooms.includes(r.room)) rows[i] = { ...r, status: 'opposed' };
    const user = { id: 1, username: 'admin', role: 'admin' as const, canvasserId: null, canvasserName: null, maintainerLicence: null };
    const result = await importRegister({ db: store.db, now: () => clock, user }, { estateId: 1, rows });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => p.zh);
    expect(problems).toEqual(passing.rooms.map((room) => expect.stringContaining(`${passing.door} ${room} 室已有书面表决「同意」（已核验），名册不能改写书面表决`) as string));
    expect((await registerOf(passing.id)).register.find((f) => f.room === passing.rooms[0])!.status).toBe('signed');
  });

  it('keeps evidence as a legal record: never deleted, its files never rewritten', async () => {
    // The database's own triggers say why (drizzle wraps the error; its cause is the database's).
    const why = async (q: string) => {
      try {
        await sql(q);
        return 'written';
      } catch (e) {
        return String((e as { cause?: unknown }).cause ?? e);
      }
    };
    expect(await why('DELETE FROM vote_evidence WHERE id = (SELECT min(id) FROM vote_evidence)')).toMatch(/never deleted/);
    expect(await why("UPDATE vote_evidence SET consent_text = 'x' WHERE id = (SELECT min(id) FROM vote_evidence)")).toMatch(/never rewritten/);
    expect(await n('SELECT count(*) AS n FROM vote_evidence WHERE consent_text = ?', 'x')).toBe(0);
  });
});

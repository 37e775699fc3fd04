import { describe, expect, it } from 'vitest';
import { checkSignature, consentText, signatureInk, voteEvidenceState } from '../../../geo/evidence/index.ts';
import { checkStageChange } from '../../../geo/stages/index.ts';

/** A blank 300 × 100 RGBA pad and a pen that inks a 3 × 3 square at (x, y). */
function pad() {
  const width = 300;
  const height = 100;
  const data = new Uint8Array(width * height * 4);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) data.set([10, 10, 10, 255], ((y + dy) * width + x + dx) * 4);
  };
  return { image: { width, height, data }, ink };
}

describe('the consent text a voter signs under', () => {
  it('names every flat of the voter with its area, the vote and the day', () => {
    expect(consentText({ estateName: '风荷苑', doorNumber: '12号', rooms: [{ room: '301', areaM2: 45.6 }], vote: 'signed', on: '2026-12-06' })).toBe(
      '风荷苑 12号 301室（专有面积 45.60㎡）业主表决：对本门洞加装电梯，我的意见是「同意」。表决日期：2026年12月6日。',
    );
    const two = consentText({ estateName: '风荷苑', doorNumber: '3号', rooms: [{ room: '502', areaM2: 60 }, { room: '503', areaM2: null }], vote: 'abstain', on: '2027-01-04' });
    expect(two).toContain('502室（专有面积 60.00㎡）、503室（面积待核）');
    expect(two).toContain('「弃权」');
  });
});

describe('a signature drawn on the phone', () => {
  it('refuses an empty pad and a dot, and takes a stroke', () => {
    const empty = pad();
    expect(checkSignature(empty.image)?.zh).toContain('签名是空白的');
    const dot = pad();
    dot.ink(150, 50);
    expect(signatureInk(dot.image)).toEqual({ pixels: 9, widthPx: 3, heightPx: 3 });
    expect(checkSignature(dot.image)?.zh).toContain('签名只有一个点（3×3 像素）');
    // A short tick, 20 px long, is still a dot.
    const tick = pad();
    for (let x = 100; x < 120; x++) tick.ink(x, 50);
    expect(checkSignature(tick.image)).not.toBeNull();
    const name = pad();
    for (let x = 40; x < 260; x++) name.ink(x, Math.round(50 + 30 * Math.sin(x / 15)));
    expect(checkSignature(name.image)).toBeNull();
  });

  it('does not count white or faint pixels as ink', () => {
    const paper = pad();
    paper.image.data.fill(255);
    expect(signatureInk(paper.image).pixels).toBe(0);
  });
});

describe('where a written vote stands', () => {
  it('is 待补证 without live evidence or when the evidence votes otherwise, 待核验 until verified', () => {
    expect(voteEvidenceState('undecided', null)).toBe('none');
    expect(voteEvidenceState('signed', null)).toBe('missing');
    expect(voteEvidenceState('signed', { vote: 'signed', review: 'rejected' })).toBe('missing');
    expect(voteEvidenceState('opposed', { vote: 'signed', review: 'verified' })).toBe('missing');
    expect(voteEvidenceState('abstain', { vote: 'abstain', review: 'pending' })).toBe('pending');
    expect(voteEvidenceState('signed', { vote: 'signed', review: 'verified' })).toBe('verified');
  });

  it('keeps a stairwell from 征询通过 while a counted vote is unverified, naming the rooms', () => {
    const base = { from: 'canvassing', to: 'consent_passed', on: '2027-01-04', today: '2027-01-04', fromOn: null, consentPassed: true } as const;
    expect(checkStageChange(base)).toBeNull();
    const refused = checkStageChange({ ...base, unverifiedVotes: [{ room: '301', state: 'missing' }, { room: '402', state: 'pending' }] });
    expect(refused).toMatchObject({ code: 'votes_unverified', zh: '不能进入征询通过：还有 2 份计入的表决未经核验：301（待补证）、402（待核验）' });
    const many = checkStageChange({ ...base, unverifiedVotes: Array.from({ length: 12 }, (_, i) => ({ room: String(101 + i), state: 'missing' as const })) });
    expect(many?.zh).toMatch(/108（待补证） 等$/);
    expect(many?.message).toContain('and 4 more');
  });
});

import { describe, expect, it } from 'vitest';
import { thresholdTests } from '../../../geo/consent/index.ts';

describe('thresholdTests: the four tests a 征询结果公告 prints', () => {
  it('meets 2/3 exactly at the bound, by head and by area in 0.01 m² (no float drift)', () => {
    // 2/3 of 100.01 m² is 66.673…: 66.68 m² meets it, 66.67 m² does not.
    const at = (participating: number) => thresholdTests({ voters: { total: 3, participating: 2, agreeing: 2 }, area: { total: 100.01, participating, agreeing: participating } });
    expect(at(66.68).areaParticipation.met).toBe(true);
    expect(at(66.67).areaParticipation.met).toBe(false);
    expect(at(66.68).votersParticipation).toEqual({ share: 2 / 3, required: 2 / 3, met: true });
  });

  it('needs 3/4 of those taking part to agree, and nobody taking part meets nothing', () => {
    const t = thresholdTests({ voters: { total: 8, participating: 8, agreeing: 5 }, area: { total: 400, participating: 400, agreeing: 300 } });
    expect(t.votersAgreement.met).toBe(false);
    expect(t.areaAgreement.met).toBe(true);
    const none = thresholdTests({ voters: { total: 4, participating: 0, agreeing: 0 }, area: { total: 200, participating: 0, agreeing: 0 } });
    expect([none.votersAgreement.met, none.areaAgreement.met, none.votersAgreement.share]).toEqual([false, false, 0]);
  });
});

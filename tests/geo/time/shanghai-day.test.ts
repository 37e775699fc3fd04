import { describe, expect, it } from 'vitest';
import { shanghaiDay, shanghaiIso } from '../../../geo/time/index.ts';

describe('shanghaiDay', () => {
  it('is the Shanghai calendar day, which turns at 16:00 UTC', () => {
    expect(shanghaiDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiDay(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(shanghaiIso(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24T00:00:00+08:00');
  });
});

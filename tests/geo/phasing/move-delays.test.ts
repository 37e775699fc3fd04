import { describe, expect, it } from 'vitest';
import { batchDelays } from '../../../geo/phasing/index.ts';

describe('batchDelays: what a manual move delays', () => {
  it('names the batches that start later and the longest delay', () => {
    expect(batchDelays(['2027-01-04', '2027-03-15', '2027-05-24'], ['2027-01-04', '2027-04-01', '2027-06-30'])).toEqual({ first: 1, last: 2, days: 37 });
  });
  it('is null when nothing starts later (a batch starting earlier is no delay)', () => {
    expect(batchDelays(['2027-01-04', '2027-03-15'], ['2027-01-04', '2027-03-01'])).toBeNull();
    expect(batchDelays(['2027-01-04'], ['2027-01-04', '2027-03-15'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { doorRanges } from '../../../geo/estate/index.ts';

describe('doorRanges', () => {
  it('names a 包干 area as runs of door numbers', () => {
    expect(doorRanges(['长风二村 3号', '长风二村 1号', '长风二村 2号', '长风二村 7号'])).toBe('1–3、7号');
    expect(doorRanges(['长风二村 45号'])).toBe('45号');
    expect(doorRanges(['长风二村 10号', '长风二村 9号', '东楼'])).toBe('9–10号、东楼');
    expect(doorRanges([])).toBe('');
  });
});

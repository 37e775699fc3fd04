import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE_COPY_DAYS, offlineCopy } from '../../client/canvass/offline-copy.ts';
import { visitQueue } from '../../client/canvass/visit-queue.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-07T11:00:00Z');

beforeEach(() => offlineCopy.clear());

describe("the phone's offline copy of a canvasser's registers", () => {
  it('keeps one user at a time: another user’s first copy clears the last one’s', async () => {
    await offlineCopy.save('me', 7, { id: 7 }, T0);
    await offlineCopy.save('register:3', 7, { rooms: ['101'] }, T0);
    expect(await offlineCopy.count()).toBe(2);
    await offlineCopy.save('me', 8, { id: 8 }, T0);
    expect(await offlineCopy.count()).toBe(1);
    expect(await offlineCopy.read('register:3', T0)).toBeNull();
    expect((await offlineCopy.read<{ id: number }>('me', T0))?.data.id).toBe(8);
  });

  it(`is not read after ${OFFLINE_COPY_DAYS} days, and pruned then`, async () => {
    await offlineCopy.save('register:3', 7, { rooms: ['101'] }, T0);
    await offlineCopy.save('register:4', 7, { rooms: ['102'] }, T0 + 5 * DAY);
    expect(await offlineCopy.read('register:3', T0 + OFFLINE_COPY_DAYS * DAY)).not.toBeNull();
    expect(await offlineCopy.read('register:3', T0 + OFFLINE_COPY_DAYS * DAY + 1)).toBeNull();
    expect(await offlineCopy.prune(T0 + OFFLINE_COPY_DAYS * DAY + 1)).toBe(1);
    expect(await offlineCopy.count()).toBe(1);
  });

  it('is cleared whole on sign-out, leaving visits still to be sent', async () => {
    await visitQueue.put({ input: { clientId: 'v-1' } as never, label: '2号 201', state: 'queued' });
    await offlineCopy.save('me', 7, { id: 7 }, T0);
    await offlineCopy.clear();
    expect(await offlineCopy.count()).toBe(0);
    expect((await visitQueue.all()).map((v) => v.input.clientId)).toEqual(['v-1']);
  });
});

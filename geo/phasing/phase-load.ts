import type { SiteFacts } from './analyze-sites.ts';

/**
 * What one phase holds: its sites, the lanes they narrow and the parking they
 * take (counted, so a site can be taken out again). Answers "does it still fit?".
 */
export class PhaseLoad {
  readonly members = new Set<string>();
  private readonly lanes = new Map<string, number>();
  private readonly spaces = new Map<string, number>();

  constructor(
    private readonly facts: Map<string, SiteFacts>,
    private readonly crews: number,
    private readonly maxParking: number,
  ) {}

  get parkingLost(): number {
    return this.spaces.size;
  }

  lostSpaces(): Set<string> {
    return new Set(this.spaces.keys());
  }

  /** Whether `add` fits once `remove` (if any) has left. */
  fits(add: string, remove?: string): boolean {
    const f = this.fact(add);
    const r = remove === undefined ? null : this.fact(remove);
    if (this.members.size - (r ? 1 : 0) + 1 > this.crews) return false;
    for (const lane of f.narrowsLanes) if ((this.lanes.get(lane) ?? 0) - (r?.narrowsLanes.includes(lane) ? 1 : 0) > 0) return false;
    let size = this.spaces.size;
    if (r) for (const s of r.parking) if (this.spaces.get(s) === 1) size--;
    for (const s of f.parking) {
      const held = (this.spaces.get(s) ?? 0) - (r?.parking.includes(s) ? 1 : 0);
      if (held === 0) size++;
    }
    return size <= this.maxParking;
  }

  add(id: string): void {
    const f = this.fact(id);
    this.members.add(id);
    for (const lane of f.narrowsLanes) this.lanes.set(lane, (this.lanes.get(lane) ?? 0) + 1);
    for (const s of f.parking) this.spaces.set(s, (this.spaces.get(s) ?? 0) + 1);
  }

  remove(id: string): void {
    const f = this.fact(id);
    this.members.delete(id);
    for (const lane of f.narrowsLanes) decrement(this.lanes, lane);
    for (const s of f.parking) decrement(this.spaces, s);
  }

  private fact(id: string): SiteFacts {
    const f = this.facts.get(id);
    if (!f) throw new Error(`no site facts for stairwell ${id}`);
    return f;
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

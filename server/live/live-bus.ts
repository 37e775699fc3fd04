import { EventEmitter, on } from 'node:events';

/** What the wall hears: door number and floor, never a name. */
export interface LiveChange {
  kind: 'flat';
  estateId: number;
  stairwellId: number;
  doorNumber: string;
  floor: number;
  from: string;
  to: string;
  at: string;
  /** The stairwell passed the consent rule with this change. */
  passedNow: boolean;
}

/** In-process fan-out of changes to subscribers (the wall's SSE streams). */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private seq = 0;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(change: LiveChange): void {
    this.seq += 1;
    this.emitter.emit('change', { id: String(this.seq), change });
  }

  /** Changes from now on, until `signal` aborts. */
  async *changes(signal: AbortSignal | undefined): AsyncGenerator<{ id: string; change: LiveChange }> {
    for await (const [event] of on(this.emitter, 'change', { signal })) yield event as { id: string; change: LiveChange };
  }
}

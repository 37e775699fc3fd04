import type { StageDetails } from './stage-details.ts';
import type { Stage } from './stages.ts';

export interface StageEventLike {
  id: number;
  fromStage: Stage;
  toStage: Stage;
  /** ISO instant the event was recorded. */
  at: string;
  effectiveOn: string | null;
  details: StageDetails | null;
  undoes: number | null;
}

/** A step still standing after undos, with its own date. */
export interface EffectiveStep<E extends StageEventLike = StageEventLike> {
  event: E;
  on: string;
}

/**
 * The steps that still stand: replaying a stairwell's append-only stage events
 * in order, an undo takes back the step it names (and nothing is deleted).
 * The last step is where the stairwell is; a suspended stairwell resumes at the
 * stage its suspension left.
 *
 * @example effectiveHistory(events).at(-1)?.event.toStage
 */
export function effectiveHistory<E extends StageEventLike>(events: readonly E[]): EffectiveStep<E>[] {
  const stack: EffectiveStep<E>[] = [];
  for (const event of events) {
    if (event.undoes !== null) {
      const i = stack.findIndex((s) => s.event.id === event.undoes);
      if (i >= 0) stack.splice(i, 1);
      continue;
    }
    stack.push({ event, on: event.effectiveOn ?? event.at.slice(0, 10) });
  }
  return stack;
}

/** Where the effective steps leave a stairwell: its stage, that stage's date, and where a suspension resumes. */
export function standing<E extends StageEventLike>(steps: readonly EffectiveStep<E>[]): { stage: Stage; on: string | null; resumeStage: Stage | null; last: EffectiveStep<E> | null } {
  const last = steps.at(-1) ?? null;
  const stage = last?.event.toStage ?? 'canvassing';
  return { stage, on: last?.on ?? null, resumeStage: stage === 'suspended' ? (last?.event.fromStage ?? 'canvassing') : null, last };
}

/** The step that entered `stage` most recently, if it still stands (e.g. 公示's start and windows). */
export function stepInto<E extends StageEventLike>(steps: readonly EffectiveStep<E>[], stage: Stage): EffectiveStep<E> | null {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.event.toStage === stage) return steps[i]!;
  return null;
}

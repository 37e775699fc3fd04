/** Thrown by the planner when its input cannot describe a real programme. */
export class PhasingInputError extends Error {
  override readonly name = 'PhasingInputError';
}

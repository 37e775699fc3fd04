/** Thrown by `evaluateConsent` when its input cannot describe a real stairwell. */
export class ConsentInputError extends Error {
  override readonly name = 'ConsentInputError';
  constructor(
    message: string,
    /** The offending flat or voter id, when there is one. */
    readonly subject?: string,
  ) {
    super(message);
  }
}

/** A domain refusal: the thing asked for does not exist. Mapped to 404 / NOT_FOUND at the edges. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

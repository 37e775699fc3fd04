/** An import refused as a whole: every problem found, each naming its row or feature. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly problems: string[]) {
    super(`import refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.slice(0, 50).join('\n- ')}${problems.length > 50 ? `\n- … and ${problems.length - 50} more` : ''}`);
  }
}

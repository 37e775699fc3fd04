import { problemLine, type Problem } from '../../geo/problems/index.ts';

/**
 * An import refused as a whole: every problem found, each naming its row
 * or feature; problems given in both languages keep them for screens with
 * a language toggle, and read as one line in the shell.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly problems: string[];
  readonly bilingual: Problem[];
  constructor(problems: (string | Problem)[]) {
    const lines = problems.map((p) => (typeof p === 'string' ? p : problemLine(p)));
    super(`import refused, nothing was written (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n- ${lines.slice(0, 50).join('\n- ')}${lines.length > 50 ? `\n- … and ${lines.length - 50} more` : ''}`);
    this.problems = lines;
    this.bilingual = problems.map((p) => (typeof p === 'string' ? { zh: p, en: p } : p));
  }
}

import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../geo/problems/index.ts';
import { useProblemText } from '../../hooks/use-problem-text.ts';

/** Problems with a file, in the screen's language; the first 50, and how many more. */
export function ProblemList({ problems, testId }: { problems: Problem[]; testId?: string }) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <div role="alert" data-testid={testId}>
      <ul className="problems">
        {problems.slice(0, 50).map((p, i) => (
          <li key={i}>{text(p)}</li>
        ))}
      </ul>
      {problems.length > 50 && <p>{t('outlines.moreProblems', { count: problems.length - 50 })}</p>}
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/** The committee's prepared answers (锦囊) per concern, as canvassers see them on the doorstep. */
export function AnswersPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const answers = useQuery(trpc.canvass.answers.queryOptions());
  const save = useMutation(trpc.canvass.setAnswer.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.canvass.answers.queryKey() }) }));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <section className="staff-card">
      <h2>{t('staff.answers')}</h2>
      {(answers.data ?? []).map((a) => (
        <form
          key={a.tag}
          className="answer-edit"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ tag: a.tag, answerZh: drafts[a.tag] ?? a.answerZh, answerEn: a.answerEn });
          }}
        >
          <label>
            {t(`canvass.concernTags.${a.tag}`)}
            <textarea name={`answer-${a.tag}`} value={drafts[a.tag] ?? a.answerZh} onChange={(e) => setDrafts({ ...drafts, [a.tag]: e.target.value })} />
          </label>
          <button type="submit">{t('staff.saveAnswer')}</button>
        </form>
      ))}
      {save.error && <p role="alert">{refusalText(save.error)}</p>}
    </section>
  );
}

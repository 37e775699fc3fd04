import { useQuery } from '@tanstack/react-query';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../components/load-state.tsx';
import { StaffOnly } from '../components/staff-only.tsx';
import { ConsentFormPapers } from '../papers/consent-form-paper.tsx';
import { NoticePaper } from '../papers/notice-paper.tsx';
import { ResultPaper } from '../papers/result-paper.tsx';
import { StatementPapers } from '../papers/statement-papers.tsx';
import { useTRPC } from '../trpc.ts';
import '../styles/papers.css';

export const PAPER_KINDS = ['form', 'result', 'notice', 'statements'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^https?:\/\/(localhost|127\.|\[::1\])/;

/**
 * /papers/ID/KIND: a stairwell's posted papers on A4, for staff to print or
 * save as PDF (the browser's print dialog). The toolbar is not printed.
 */
export function PapersPage({ stairwellId, kind, search }: { stairwellId: number; kind: PaperKind; search: URLSearchParams }) {
  return (
    <StaffOnly>
      <Papers stairwellId={stairwellId} kind={kind} search={search} />
    </StaffOnly>
  );
}

function Papers({ stairwellId, kind, search }: { stairwellId: number; kind: PaperKind; search: URLSearchParams }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.stages.papers.queryOptions({ stairwellId }));
  const site = useQuery(trpc.admin.site.queryOptions());
  const asked = search.get('start');
  const [draftStart, setDraftStart] = useState(asked && DAY.test(asked) ? asked : null);
  useDocumentTitle(t(`paper.kinds.${kind}`), q.data && `${q.data.estateName} ${q.data.doorNumber}`);
  if (!q.data || !site.data) return <LoadState error={q.error ?? site.error} refetch={() => void Promise.all([q.refetch(), site.refetch()])} />;
  const papers = q.data;
  // The QR codes carry the address residents' phones reach: LIFTMAP_PUBLIC_URL when set, else this page's own.
  const origin = site.data.publicUrl ?? location.origin;
  const flat = Number(search.get('flat'));
  return (
    <div className="papers" data-testid="papers" data-kind={kind}>
      <nav className="paper-toolbar" aria-label={t('paper.toolbar')}>
        <a href="/admin">{t('paper.back')}</a>
        {PAPER_KINDS.map((k) => (
          <a key={k} href={`/papers/${stairwellId}/${k}`} aria-current={k === kind ? 'page' : undefined}>
            {t(`paper.kinds.${k}`)}
          </a>
        ))}
        {kind === 'notice' && !papers.notice && (
          <label>
            {t('paper.notice.noDate')}
            <input type="date" value={draftStart ?? papers.today} onChange={(e) => setDraftStart(e.target.value || null)} />
          </label>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('paper.print')}
        </button>
        {LOCAL.test(origin) && (
          <p className="paper-warning" role="alert">
            {t('paper.localOnly', { origin })}
          </p>
        )}
      </nav>
      {kind === 'form' && <ConsentFormPapers papers={papers} origin={origin} flatId={Number.isInteger(flat) && flat > 0 ? flat : null} />}
      {kind === 'result' && <ResultPaper papers={papers} origin={origin} />}
      {kind === 'notice' && <NoticePaper papers={papers} origin={origin} draftStart={draftStart ?? papers.today} />}
      {kind === 'statements' && <StatementPapers stairwellId={stairwellId} estate={papers.estateName} origin={origin} today={papers.today} />}
    </div>
  );
}

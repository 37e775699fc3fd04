import { useTranslation } from 'react-i18next';
import { MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, noticeWindows } from '../../geo/stages/index.ts';
import { PaperSheet } from './paper-sheet.tsx';
import { CostTable } from './cost-table.tsx';
import { yuan } from './paper-format.ts';
import type { StairwellPapers } from '../wire.ts';

/**
 * The 公示 notice: the scheme posted, its two windows (≥ 10 days posted, then
 * ≥ 7 days for written objections), how to object, and the cost per floor.
 * With no 公示 recorded yet it prints as a draft from the start date chosen.
 */
export function NoticePaper({ papers, origin, draftStart }: { papers: StairwellPapers; origin: string; draftStart: string }) {
  const { t } = useTranslation();
  const w = papers.notice ?? { noticeDays: MIN_NOTICE_DAYS, objectionDays: MIN_OBJECTION_DAYS, ...noticeWindows(draftStart) };
  return (
    <PaperSheet estate={papers.estateName} door={papers.doorNumber} title={t('paper.notice.title')} origin={origin} stairwellId={papers.stairwellId} postedOn={w.start}>
      {!papers.notice && (
        <p className="paper-draft" role="note">
          {t('paper.notice.draft', { start: w.start })}
        </p>
      )}
      <p>{t('paper.notice.intro', { door: papers.doorNumber })}</p>
      <p className="paper-window" data-testid="notice-period">
        {t('paper.notice.period', { ...w })}
      </p>
      <p className="paper-window" data-testid="notice-objections">
        {t('paper.notice.objections', { ...w })}
      </p>
      <p>{t('paper.notice.how')}</p>
      <p>{t('paper.notice.next', { closedOn: w.closedOn })}</p>
      <h2>{t('paper.notice.cost')}</h2>
      <p className="paper-small">{t('publicPage.costLine', { cost: yuan(papers.cost.liftCostYuan), subsidy: yuan(papers.cost.subsidyYuan), owners: yuan(papers.cost.ownersPayYuan) })}</p>
      <CostTable cost={papers.cost} className="paper-table" />
    </PaperSheet>
  );
}

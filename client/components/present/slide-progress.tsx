import { useTranslation } from 'react-i18next';
import { ProgressPanel } from '../wall/progress-panel.tsx';
import { StageFunnel } from '../wall/stage-funnel.tsx';
import { SlideFrame, slideDate, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, TimelineDay } from '../../wire.ts';

/** 征询进展: stairwells confirmed, meeting the rule and flats signed day by day, and where every stairwell stands now. */
export function SlideProgress({ meta, map, days, from }: { meta: SlideMeta; map: EstateMap; days: readonly TimelineDay[]; from: string }) {
  const { t, i18n } = useTranslation();
  return (
    <SlideFrame meta={meta} title={t('present.progress.title')} className="slide-progress">
      <div className="progress-main">
        <p className="lead">{t('present.progress.since', { from: slideDate(from, i18n.language) })}</p>
        <ProgressPanel days={days} className="present-card progress" />
      </div>
      <StageFunnel counts={map.headline.campaign} className="present-card funnel" />
    </SlideFrame>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSteps } from '../../present/next-steps.ts';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, PresentDeck } from '../../wire.ts';

/** 下一步: what the meeting is asked to do, derived from the stairwells and the plan. */
export function SlideNext({ meta, map, deck }: { meta: SlideMeta; map: EstateMap; deck: PresentDeck }) {
  const { t } = useTranslation();
  const steps = useMemo(() => nextSteps(map.layers.stairwells.features.map((f) => f.properties), map.headline.campaign, deck), [map, deck]);
  return (
    <SlideFrame meta={meta} title={t('present.next.title')} className="slide-next">
      <ol className="next-steps" data-testid="next-steps">
        {steps.map((s) => (
          <li key={s.key} data-step={s.key}>
            {t(`present.next.${s.key}`, s)}
          </li>
        ))}
      </ol>
    </SlideFrame>
  );
}

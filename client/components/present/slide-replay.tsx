import { useContext, useEffect, useMemo, useState } from 'react';
import { PrintingContext } from '../../present/print-context.ts';
import { useTranslation } from 'react-i18next';
import { countKeys, replayKeys, replayStates } from '../../present/replay-states.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { PresentLegend } from './present-legend.tsx';
import { SlideFrame, slideDate, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, ReplayDay } from '../../wire.ts';

/** A day of the time-lapse on screen: slow enough to read the date, 60 days in about 20 s. */
export const REPLAY_DAY_MS = 350;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * 征询历程回放: the stairwells in the colours they wore at the end of the
 * chosen day, the date large; a slider to pick the day and a play button.
 */
export function SlideReplay({ meta, map, days, pixelRatio }: { meta: SlideMeta; map: EstateMap; days: readonly ReplayDay[]; pixelRatio: number }) {
  const { t, i18n } = useTranslation();
  const last = days.length - 1;
  const printing = useContext(PrintingContext);
  const [chosen, setDay] = useState(0);
  // On paper the replay is its story's end: the last day, no play button or slider.
  const day = printing ? last : chosen;
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setDay((d) => {
        if (d >= last) {
          setPlaying(false);
          return d;
        }
        return d + 1;
      });
    }, REPLAY_DAY_MS);
    return () => clearInterval(timer);
  }, [playing, last]);

  const colours = useMemo(() => replayStates(days, day), [days, day]);
  const states = useMemo(() => ({ stairwells: colours }), [colours]);
  const counts = useMemo(() => countKeys(colours), [colours]);
  const legendKeys = useMemo(() => replayKeys(days), [days]);
  const shown = days[day];
  const total = map.headline;

  const togglePlay = () => {
    if (!playing && day >= last) setDay(0);
    setPlaying(!playing);
  };

  return (
    <SlideFrame meta={meta} title={t('present.replay.title')} className="slide-map slide-replay">
      <div className="slide-map-col">
        <div className="slide-map-box">
          <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} fill="state" states={states} />
        </div>
        <PresentLegend counts={counts} keys={legendKeys} />
      </div>
      <aside>
        <p className="replay-date" data-testid="replay-date" data-date={shown?.date}>
          {shown ? slideDate(shown.date, i18n.language) : ''}
        </p>
        <p className="replay-day">{t('present.replay.day', { n: day + 1 })}</p>
        <dl className="replay-figures">
          <div>
            <dt>{t('headline.confirmed')}</dt>
            <dd data-testid="replay-confirmed">
              <strong>{shown?.stairwellsConfirmed ?? 0}</strong> / {total.campaign.total}
            </dd>
          </div>
          <div>
            <dt>{t('step.rule_met')}</dt>
            <dd data-testid="replay-rule-met">
              <strong>{shown?.stairwellsRuleMet ?? 0}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('headline.signed')}</dt>
            <dd data-testid="replay-signed">
              <strong>{fmt(shown?.flatsSigned ?? 0)}</strong> / {fmt(total.flatTotal)}
            </dd>
          </div>
        </dl>
        {!printing && (
          <div className="replay-controls">
            <button type="button" onClick={togglePlay} data-testid="replay-play">
              {playing ? t('present.replay.pause') : t('present.replay.play')}
            </button>
            <input
              type="range"
              min={0}
              max={Math.max(0, last)}
              value={day}
              aria-label={t('present.replay.slider')}
              data-testid="replay-slider"
              onChange={(e) => {
                setPlaying(false);
                setDay(Number(e.target.value));
              }}
            />
          </div>
        )}
      </aside>
    </SlideFrame>
  );
}

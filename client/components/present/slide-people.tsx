import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PROMISE_KIND_ZH } from '../../../geo/register/index.ts';
import { COVERAGE_PALETTE, coverageKey } from '../../../geo/palette/index.ts';
import { COVERAGE_SOURCES, coverageFeatures, coverageLayers } from '../../map/coverage-layers.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, PresentDeck } from '../../wire.ts';

const OVERLAY = { sources: COVERAGE_SOURCES, layers: coverageLayers() };

/**
 * 人在梯上: the branch work (temporary branches, 楼组长, party members who
 * showed their identity, 1+2+N teams) on the coverage map, and the promises to
 * low floors made and kept per kind. Counts only, never a name or a household.
 */
export function SlidePeople({ meta, map, people, pixelRatio }: { meta: SlideMeta; map: EstateMap; people: PresentDeck['people']; pixelRatio: number }) {
  const { t, i18n } = useTranslation();
  const states = useMemo(
    () => ({ stairwells: new Map(people.coverage.map((c) => [c.stairwellId, { color: COVERAGE_PALETTE[coverageKey(c.gaps.length)].color, text: COVERAGE_PALETTE[coverageKey(c.gaps.length)].text }])) }),
    [people],
  );
  const overlayData = useMemo(() => ({ coverage: coverageFeatures(map, people.coverage) }), [map, people]);
  const b = people.branch;
  return (
    <SlideFrame meta={meta} title={t('present.people.title')} className="slide-map slide-people">
      <div className="slide-map-box">
        <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} fill="state" states={states} overlay={OVERLAY} overlayData={overlayData} />
      </div>
      <aside>
        <dl className="parking-figures" data-testid="branch-figures">
          <div>
            <dt>{t('present.people.branches')}</dt>
            <dd>{b.branches}</dd>
          </div>
          <div>
            <dt>{t('present.people.partyMembers')}</dt>
            <dd>{b.partyMembers}</dd>
          </div>
          <div>
            <dt>{t('present.people.teams')}</dt>
            <dd>{b.withServiceTeam}</dd>
          </div>
        </dl>
        <ul className="people-key" data-testid="people-key">
          {(['covered', 'partial', 'bare'] as const).map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: COVERAGE_PALETTE[k].color }} />
              {i18n.language === 'en' ? COVERAGE_PALETTE[k].en : COVERAGE_PALETTE[k].zh}
            </li>
          ))}
          <li>{t('present.people.badges')}</li>
        </ul>
        <p className="lead">{t('present.people.coverage', { leaders: b.withGroupLeader, full: b.fullyCovered, n: b.stairwells, volunteers: b.volunteers })}</p>
        <table className="parking-states" data-testid="promise-figures">
          <thead>
            <tr>
              <th>{t('present.people.promise')}</th>
              <th>{t('present.people.made')}</th>
              <th>{t('present.people.kept')}</th>
            </tr>
          </thead>
          <tbody>
            {people.promises.map((p) => (
              <tr key={p.kind} data-kind={p.kind}>
                <th>{i18n.language === 'en' ? p.kind.replace('_', ' ') : PROMISE_KIND_ZH[p.kind]}</th>
                <td>{p.made}</td>
                <td>{p.kept}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="lead">
          {t('present.people.keptStairwells', { kept: people.stairwellsAllKept, of: people.stairwellsWithPromises })}
          {people.promisesOverdue > 0 && ` ${t('present.people.overdue', { count: people.promisesOverdue })}`}
        </p>
      </aside>
    </SlideFrame>
  );
}

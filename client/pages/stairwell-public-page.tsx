import { useQuery } from '@tanstack/react-query';
import { COVERAGE_GAP_ZH } from '../../geo/team/index.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useTranslation } from 'react-i18next';
import { LEGAL_EN, LEGAL_ZH } from '../../geo/stages/index.ts';
import { PROMISE_KIND_ZH } from '../../geo/register/index.ts';
import { yuan as fenAsYuan } from '../../geo/cost/index.ts';
import { LoadState } from '../components/load-state.tsx';
import { CostTable } from '../papers/cost-table.tsx';
import { pctOf as pct, yuan } from '../papers/paper-format.ts';
import { useTRPC } from '../trpc.ts';
import '../styles/public-page.css';


/**
 * 门洞公开页: what the QR code on a posted paper opens, for any resident on a
 * phone: the stairwell's stage and dates, the vote in aggregate (never who has
 * or has not signed), what each floor pays, and the committee's answers.
 * Light, large and printable.
 */
export function StairwellPublicPage({ stairwellId }: { stairwellId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.stages.publicStairwell.queryOptions({ stairwellId }));
  useDocumentTitle(t('title.stairwell'), q.data && `${q.data.estateName} ${q.data.doorNumber}`);
  if (!q.data) return <LoadState error={q.error} refetch={() => void q.refetch()} />;
  const s = q.data;
  const en = i18n.language === 'en';
  return (
    <main className="public-page" data-testid="public-stairwell">
      <h1>{t('publicPage.title', { estate: s.estateName, door: s.doorNumber })}</h1>
      <p className="public-step" data-testid="public-step">
        {t('publicPage.now')}<strong>{t(`step.${s.step}`)}</strong>
      </p>
      <p className="public-share" data-testid="public-share">
        {t('publicPage.share')} <a href={s.shareUrl ?? location.href}>{s.shareUrl ?? location.href}</a>
      </p>
      <section data-testid="public-team">
        <h2>{t('publicPage.teamTitle')}</h2>
        <p>
          {t('publicPage.team', {
            branch: s.team.branch ? t('publicPage.branch') : '',
            leaders: s.team.posts.group_leader,
            party: s.team.posts.party_member + s.team.posts.secretary,
            staff: s.team.posts.team_staff,
            specialists: s.team.posts.specialist,
            volunteers: s.team.posts.volunteer,
          })}
        </p>
        {s.team.gaps.length > 0 && <p>{t('publicPage.teamGaps', { gaps: s.team.gaps.map((g) => (en ? g.replace(/_/g, ' ') : COVERAGE_GAP_ZH[g])).join('、') })}</p>}
      </section>
      {s.promises.length > 0 && (
        <section data-testid="public-promises">
          <h2>{t('publicPage.promisesTitle')}</h2>
          <ul>
            {s.promises.map((p) => (
              <li key={p.kind} data-kind={p.kind}>
                {t('publicPage.promise', { what: en ? p.kind.replace(/_/g, ' ') : PROMISE_KIND_ZH[p.kind], made: p.made, kept: p.kept })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.windows && (
        <p data-testid="public-windows">
          {t('pipeline.windows', { ...s.windows })}
          {s.objectionsInMediation > 0 && ` · ${t('publicPage.objections', { count: s.objectionsInMediation })}`}
        </p>
      )}
      {s.service && (
        <section data-testid="public-service">
          <h2>{t('service.publicTitle')}</h2>
          <p>{s.service.maintainer ? t('service.publicMaintainer', { maintainer: s.service.maintainer, phone: s.service.maintainerPhone }) : t('service.publicNone')}</p>
          <p>
            <strong>{t('service.publicEmergency', { emergency: s.service.emergency })}</strong>
          </p>
          {s.service.inspectionValidUntil && <p>{t('service.publicInspection', { until: s.service.inspectionValidUntil })}</p>}
          <p data-testid="recent-service">
            {t('service.publicRecent', { last: s.service.recent.lastVisitOn ?? '—', visits: s.service.recent.visitsLast12Months, faults: s.service.recent.faultsLast12Months })}
            {s.service.recent.openFaults > 0 && <strong> {t('service.publicOpenFault', { count: s.service.recent.openFaults })}</strong>}
          </p>
          {s.service.feesByFloor.length > 0 && (
            <table className="public-fees" data-testid="public-fees">
              <caption>{t(s.service.feesBy === 'agreement' ? 'service.feesTitle' : 'service.feesByArea')}</caption>
              <tbody>
                {s.service.feesByFloor.map((f) => (
                  <tr key={f.floor}>
                    <th>{t('service.floor', { floor: f.floor })}</th>
                    <td>{f.minFen === f.maxFen ? fenAsYuan(f.minFen) : `${fenAsYuan(f.minFen)} – ${fenAsYuan(f.maxFen)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {s.steps.length > 0 && (
        <section>
          <h2>{t('publicPage.dates')}</h2>
          {/* Stages and the legal steps between them, in the order they happened. */}
          <ol className="public-dates" data-testid="public-dates">
            {[...s.steps.map((x) => ({ key: `${x.stage}:${x.on}`, on: x.on, gate: 1, what: t(`stage.${x.stage}`) })), ...s.legal.map((x) => ({ key: `${x.kind}:${x.on}`, on: x.on, gate: 0, what: en ? LEGAL_EN[x.kind] : LEGAL_ZH[x.kind] }))]
              // On the same day, the legal step comes first: it is what let the stage begin.
              .sort((a, b) => a.on.localeCompare(b.on) || a.gate - b.gate)
              .map((x) => (
                <li key={x.key}>
                  <time>{x.on}</time> {x.what}
                </li>
              ))}
          </ol>
        </section>
      )}
      {s.votes && (
        <section data-testid="public-votes">
          <h2>{t('publicPage.votes')}</h2>
          <table>
            <thead>
              <tr>
                <th />
                <th>{t('publicPage.total')}</th>
                <th>{t('publicPage.participating')}</th>
                <th>{t('publicPage.agreeing')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{t('publicPage.byHead')}</th>
                <td>{s.votes.voters.total}</td>
                <td>
                  {s.votes.voters.participating}<span className="pct">（{pct(s.votes.voters.participating, s.votes.voters.total)}）</span>
                </td>
                <td>
                  {s.votes.voters.agreeing}<span className="pct">（{pct(s.votes.voters.agreeing, s.votes.voters.participating)}）</span>
                </td>
              </tr>
              <tr>
                <th>{t('publicPage.byArea')}</th>
                <td>{s.votes.area.total.toFixed(1)} m²</td>
                <td>
                  {s.votes.area.participating.toFixed(1)} m²<span className="pct">（{pct(s.votes.area.participating, s.votes.area.total)}）</span>
                </td>
                <td>
                  {s.votes.area.agreeing.toFixed(1)} m²<span className="pct">（{pct(s.votes.area.agreeing, s.votes.area.participating)}）</span>
                </td>
              </tr>
            </tbody>
          </table>
          <p>{t('publicPage.rule')}</p>
          <p className="public-result">{s.word ?? t('publicPage.notYet')}</p>
        </section>
      )}
      <section data-testid="public-cost">
        <h2>{t('publicPage.cost')}</h2>
        <p>{t('publicPage.costLine', { cost: yuan(s.cost.liftCostYuan), subsidy: yuan(s.cost.subsidyYuan), owners: yuan(s.cost.ownersPayYuan) })}</p>
        <CostTable cost={s.cost} />
      </section>
      <section>
        <h2>{t('publicPage.answers')}</h2>
        <dl className="public-answers">
          {s.answers.map((a) => (
            <div key={a.tag}>
              <dt>{t(`canvass.concernTags.${a.tag}`)}</dt>
              <dd>{en ? a.en : a.zh}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="public-foot">{t('publicPage.privacy')}</p>
    </main>
  );
}

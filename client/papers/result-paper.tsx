import type { CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PaperSheet } from './paper-sheet.tsx';
import { pct } from './paper-format.ts';
import type { StairwellPapers } from '../wire.ts';

/**
 * The notice's conclusion: 通过 only when the rule is met and every counted
 * vote's evidence is verified; a stairwell confirmed while some were not
 * (history brought in from paper) says so rather than contradict its table.
 */
function resultLine(papers: StairwellPapers, t: TFunction): string {
  const r = papers.result!;
  const count = papers.unverifiedRooms;
  if (!r.passed) return t('paper.result.failed') + (papers.confirmedOn ? t('paper.result.confirmedOn', { on: papers.confirmedOn }) : '');
  if (count === 0) return t('paper.result.passed') + (papers.confirmedOn ? t('paper.result.confirmedOn', { on: papers.confirmedOn }) : t('paper.result.notConfirmed'));
  return papers.confirmedOn ? t('paper.result.confirmedUnverified', { on: papers.confirmedOn, count }) : t('paper.result.awaitingVerification', { count });
}

/**
 * 征询结果公告: the counts by head and by area against the rule's thresholds,
 * the result, and every room's vote with its area and whether its written
 * evidence was verified by staff, no names. Printed from the
 * result recorded when staff confirmed the stairwell if they have, else from
 * today's signed votes, marked unconfirmed. The rule's tests come from geo/.
 */
export function ResultPaper({ papers, origin }: { papers: StairwellPapers; origin: string }) {
  const { t } = useTranslation();
  const r = papers.result;
  const rows = r
    ? ([
        ['participatingVoters', `${r.voters.participating} / ${r.voters.total}`, r.tests.votersParticipation, '2/3'],
        ['participatingArea', `${r.area.participating.toFixed(2)} / ${r.area.total.toFixed(2)} m²`, r.tests.areaParticipation, '2/3'],
        ['agreeingVoters', `${r.voters.agreeing} / ${r.voters.participating}`, r.tests.votersAgreement, '3/4'],
        ['agreeingArea', `${r.area.agreeing.toFixed(2)} / ${r.area.participating.toFixed(2)} m²`, r.tests.areaAgreement, '3/4'],
      ] as const)
    : [];
  // Up to 28 rooms in two columns, more in three, so the notice stays on one A4 sheet.
  const n = papers.flats.length > 28 ? 3 : 2;
  const per = Math.ceil(papers.flats.length / n);
  const columns = Array.from({ length: n }, (_, i) => papers.flats.slice(i * per, (i + 1) * per));
  return (
    <PaperSheet estate={papers.estateName} door={papers.doorNumber} title={t('paper.result.title')} origin={origin} stairwellId={papers.stairwellId} postedOn={papers.today}>
      {r ? (
        <>
          <p>{t('paper.result.intro', { door: papers.doorNumber, flats: papers.flats.length, voters: r.voters.total, area: r.area.total.toFixed(2) })}</p>
          <table className="paper-table" data-testid="result-counts">
            <thead>
              <tr>
                <th>{t('paper.result.measure')}</th>
                <th>{t('paper.result.value')}</th>
                <th>{t('paper.result.needed')}</th>
                <th>{t('paper.result.met')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, value, test, needed]) => (
                <tr key={key}>
                  <th>{t(`paper.result.${key}`)}</th>
                  <td>
                    {value}（{pct(test.share)}）
                  </td>
                  <td>≥ {needed}</td>
                  <td>{test.met ? t('paper.result.yes') : t('paper.result.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="paper-result" data-testid="result-line">
            {resultLine(papers, t)}
          </p>
        </>
      ) : (
        <p className="paper-result" role="alert">
          {t('paper.result.missingArea', { rooms: papers.missingAreaRooms.join('、') })}
        </p>
      )}
      <h2>{t('paper.result.byRoom')}</h2>
      <div className="paper-columns" data-testid="result-rooms" style={{ '--columns': n } as CSSProperties}>
        {columns.map((flats, i) => (
          <table key={i} className="paper-table">
            <thead>
              <tr>
                <th>{t('paper.form.room')}</th>
                <th>{t('paper.form.area')}</th>
                <th>{t('paper.result.vote')}</th>
                <th>{t('paper.result.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {flats.map((f) => (
                <tr key={f.id} data-vote={f.vote} data-verified={f.verified ? 'true' : undefined}>
                  <td>{f.room}</td>
                  <td>{f.areaM2 === null ? '—' : `${f.areaM2.toFixed(2)} m²`}</td>
                  <td>{t(`paper.result.votes.${f.vote}`)}</td>
                  <td>{f.vote === 'none' ? '—' : f.verified ? t(`paper.result.verifiedBy.${f.verifiedBy ?? 'signature'}`) : t('paper.result.unverified')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="paper-small">{t('paper.form.rule')}</p>
      <p className="paper-small">{t('paper.result.objections')}</p>
    </PaperSheet>
  );
}

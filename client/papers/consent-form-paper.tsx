import { useTranslation } from 'react-i18next';
import { PaperSheet } from './paper-sheet.tsx';
import { QrCode } from './qr-code.tsx';
import { yuan } from './paper-format.ts';
import type { StairwellPapers } from '../wire.ts';

/**
 * 征询意见表: one page per flat, handed to the household: its room and area,
 * the question, the rule, what its floor pays, signature lines, and a QR code
 * that opens that flat in /canvass for the canvasser. No names: the owner signs.
 */
export function ConsentFormPapers({ papers, origin, flatId }: { papers: StairwellPapers; origin: string; flatId: number | null }) {
  const { t } = useTranslation();
  const flats = flatId === null ? papers.flats : papers.flats.filter((f) => f.id === flatId);
  return (
    <>
      {flats.map((f) => {
        return (
          <PaperSheet
            key={f.id}
            estate={papers.estateName}
            door={papers.doorNumber}
            title={t('paper.form.title')}
            origin={origin}
            stairwellId={papers.stairwellId}
            extraQr={<QrCode url={`${origin}/canvass?stairwell=${papers.stairwellId}&flat=${f.id}`} label={t('paper.form.scanCanvass')} />}
          >
            <table className="paper-facts" data-testid="form-flat" data-flat={f.id}>
              <tbody>
                <tr>
                  <th>{t('paper.form.room')}</th>
                  <td className="paper-big">{f.room}</td>
                  <th>{t('paper.form.floor')}</th>
                  <td>{f.floor}F</td>
                  <th>{t('paper.form.area')}</th>
                  <td>{f.areaM2 === null ? t('paper.form.areaUnknown') : `${f.areaM2.toFixed(2)} m²`}</td>
                </tr>
              </tbody>
            </table>
            <p className="paper-question">{t('paper.form.question', { door: papers.doorNumber })}</p>
            <p className="paper-small">{t('paper.form.tick')}</p>
            <p className="paper-choices">
              <span>□ {t('paper.form.agree')}</span>
              <span>□ {t('paper.form.oppose')}</span>
              <span>□ {t('paper.form.abstain')}</span>
            </p>
            <p className="paper-small">{t('paper.form.rule')}</p>
            {f.paysYuan !== null && <p className="paper-small">{t('paper.form.share', { pays: yuan(f.paysYuan), cost: yuan(papers.cost.liftCostYuan), subsidy: yuan(papers.cost.subsidyYuan) })}</p>}
            <div className="paper-lines">
              <p>
                {t('paper.form.owner')}：<span className="paper-line" /> {t('paper.form.date')}：<span className="paper-line short" />
              </p>
              <p>
                {t('paper.form.proxy')}：<span className="paper-line" /> {t('paper.form.date')}：<span className="paper-line short" />
              </p>
            </div>
          </PaperSheet>
        );
      })}
    </>
  );
}

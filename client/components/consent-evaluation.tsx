import { useTranslation } from 'react-i18next';
import type { StairwellDetail } from '../wire.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const FRACTION: Record<string, string> = { '0.667': '2/3', '0.750': '3/4' };

/** Each of the four tests with its share against the bound, then the verdict. */
export function ConsentEvaluation({ evaluation }: { evaluation: StairwellDetail['evaluation'] }) {
  const { t } = useTranslation();
  if (!evaluation.complete)
    return (
      <p className="verdict incomplete" data-testid="verdict">
        {t('panel.incomplete', { rooms: evaluation.missingAreaRooms.join('、') })}
      </p>
    );
  const { result } = evaluation;
  return (
    <>
      <table className="tests">
        <tbody>
          {evaluation.tests.map(({ key, test }) => (
            <tr key={key} className={test.met ? 'met' : 'failed'} data-test={key}>
              <th scope="row">{t(`tests.${key as 'votersParticipation'}`)}</th>
              <td>{pct(test.share)}</td>
              <td>{t('panel.required', { share: FRACTION[test.required.toFixed(3)] ?? pct(test.required) })}</td>
              <td className="mark">{test.met ? `✓ ${t('panel.met')}` : `✗ ${t('panel.failed')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`verdict ${result.passed ? 'passed' : result.stillPossible ? 'open' : 'impossible'}`} data-testid="verdict">
        {result.passed ? t('panel.passed') : `${t('panel.notPassed')} · ${result.stillPossible ? t('panel.possible') : t('panel.impossible')}`}
      </p>
      {!result.passed && result.stillPossible && (
        <p className="forecast">{t('panel.forecast', { result: evaluation.forecastPassed ? t('panel.forecastPass') : t('panel.forecastFail') })}</p>
      )}
    </>
  );
}

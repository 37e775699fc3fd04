import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import { useStairwellDetail } from '../hooks/use-stairwell-detail.ts';
import { ConsentEvaluation } from './consent-evaluation.tsx';
import { FlatGrid } from './flat-grid.tsx';
import { refusalText } from '../hooks/use-problem-text.ts';

/**
 * The clicked stairwell: grid of flats, the consent evaluation, its to-do
 * list. It opens on the side of the map away from the stairwell (`side`), so
 * it never covers what it describes; Esc closes it.
 */
export function StairwellPanel({ stairwellId, onClose, side = 'left' }: { stairwellId: number; onClose: () => void; side?: 'left' | 'right' }) {
  const { t, i18n } = useTranslation();
  const detail = useStairwellDetail(stairwellId);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const className = `stairwell-panel ${side}`;
  if (detail.error) return <aside className={className}>{t('state.error', { message: refusalText(detail.error) })}</aside>;
  const d = detail.data;
  if (!d) return <aside className={className}>{t('state.loading')}</aside>;
  const todo = d.evaluation.complete ? d.evaluation.todo : [];
  return (
    <aside className={className} data-testid="stairwell-panel" data-side={side} aria-label={d.doorNumber}>
      <header>
        <h2>
          {d.doorNumber} <small>{t('panel.building', { code: d.buildingCode })}</small>
        </h2>
        <button type="button" onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <p className="stage">
        <span className="swatch" style={{ background: d.color }} /> {t('panel.stage', { stage: t(`stage.${d.stage}`) })} ·{' '}
        {t('panel.elders', { count: d.upperFloorElders })}
      </p>
      <h3>{t('panel.grid')}</h3>
      <FlatGrid flats={d.flats} todo={new Set(todo.map((f) => f.flatId))} />
      <h3>{t('panel.evaluation')}</h3>
      <ConsentEvaluation evaluation={d.evaluation} />
      {d.evaluation.complete && !d.evaluation.result.passed && d.evaluation.result.stillPossible && (
        <>
          <h3>{t('panel.todo', { count: todo.length })}</h3>
          <ol className="todo" data-testid="todo">
            {todo.map((f) => (
              <li key={f.flatId}>
                <strong>{f.room}</strong> {i18n.language === 'en' ? STATUS_PALETTE[f.status].en : STATUS_PALETTE[f.status].zh}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

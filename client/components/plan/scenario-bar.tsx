import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '../../wire.ts';

interface Props {
  scenarios: ScenarioSummary[];
  savedId: number | null;
  /** Constraints the scenario just saved breaks. */
  savedViolations: number;
  saving: boolean;
  onSave: (name: string) => void;
  onLoad: (scenarioId: number) => void;
  onAdopt: (scenarioId: number) => void;
  /** What adopting said: the scenario adopted, or the refusal's sentence. */
  adoptNote: { ok: boolean; text: string } | null;
  compareId: number | null;
  onCompare: (scenarioId: number | null) => void;
}

/** Save and load named scenarios, compare two, and export a saved one for the contractor. */
export function ScenarioBar({ scenarios, savedId, savedViolations, saving, onSave, onLoad, onAdopt, adoptNote, compareId, onCompare }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('方案 A');
  return (
    <section className="scenario-bar">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <input name="scenarioName" aria-label={t('plan.scenarioName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        <button type="submit" disabled={saving}>
          {t('plan.save')}
        </button>
      </form>
      {savedId !== null && (
        <p className="exports">
          {savedViolations > 0 ? (
            <strong className="broken" role="alert">
              {t('plan.savedBroken', { count: savedViolations })}
            </strong>
          ) : (
            t('plan.saved')
          )}{' '}
          ·{' '}
          <a href={`/api/plans/${savedId}.xlsx`} download>
            {t('plan.exportXlsx')}
          </a>{' '}
          ·{' '}
          <a href={`/api/plans/${savedId}.geojson`} download>
            {t('plan.exportGeojson')}
          </a>
        </p>
      )}
      {scenarios.length > 0 && (
        <>
          <h3>{t('plan.scenarios')}</h3>
          <ul className="scenarios">
            {scenarios.map((s) => (
              <li key={s.id} data-scenario={s.name} data-adopted={s.adoptedAt !== null}>
                {s.name} · {s.phases} {t('plan.phases')}
                {s.adoptedAt !== null && <strong> {t('programme.adopted')}</strong>}
                {s.violations > 0 && (
                  <strong className="broken" data-testid="scenario-broken">
                    {' '}
                    {t('plan.brokenTag', { count: s.violations })}
                  </strong>
                )}{' '}
                <button type="button" onClick={() => onLoad(s.id)}>
                  {t('plan.load')}
                </button>{' '}
                {s.adoptedAt === null && (
                  <button type="button" onClick={() => onAdopt(s.id)}>
                    {t('programme.adopt')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {adoptNote && (
            <p role={adoptNote.ok ? 'status' : 'alert'} className={adoptNote.ok ? 'ok' : 'violations'}>
              {adoptNote.text}
            </p>
          )}
          <label>
            <span>{t('plan.compareWith')}</span>
            <select name="compare" value={compareId ?? ''} onChange={(e) => onCompare(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('plan.compareNone')}</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </section>
  );
}

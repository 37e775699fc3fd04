import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BattleMapView } from '../components/battle-map-view.tsx';
import { LanguageToggle } from '../components/language-toggle.tsx';
import { LoadState } from '../components/load-state.tsx';
import { GanttChart } from '../components/plan/gantt-chart.tsx';
import { PhaseLegend } from '../components/plan/phase-legend.tsx';
import { PlanHeadline } from '../components/plan/plan-headline.tsx';
import { PlanParamsForm } from '../components/plan/plan-params-form.tsx';
import { PlanScores } from '../components/plan/plan-scores.tsx';
import { PlanTabs } from '../components/plan/plan-tabs.tsx';
import { ScenarioBar } from '../components/plan/scenario-bar.tsx';
import { SelectionPanel } from '../components/plan/selection-panel.tsx';
import { EstatePicker } from '../components/estate-picker.tsx';
import { StaffOnly } from '../components/staff-only.tsx';
import { useChanges } from '../hooks/use-changes.ts';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { usePlan, usePlanDefaults, useScenario, useScenarios } from '../hooks/use-plan.ts';
import { PLAN_SOURCES, planLayers } from '../map/plan-layers.ts';
import { planStates } from '../map/plan-states.ts';
import type { PlanMove, PlanParams } from '../wire.ts';
import { refusalText } from '../hooks/use-problem-text.ts';

const OVERLAY = { sources: PLAN_SOURCES, layers: planLayers() };
/** Room on the map's right for the batch legend, so it covers no stairwell. */
const MAP_PADDING = { right: 200 };

/** 规划: phases on the map and a Gantt chart, parameters beside, scenarios to save and compare; for signed-in staff. */
export function PlanPage() {
  return (
    <StaffOnly>
      <PlanWorkspace />
    </StaffOnly>
  );
}

function PlanWorkspace() {
  const { t } = useTranslation();
  const estate = useEstateMap();
  const defaults = usePlanDefaults();
  const [edited, setParams] = useState<PlanParams | null>(null);
  const params = edited ?? defaults.data;
  const [moves, setMoves] = useState<PlanMove[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [phasePick, setPhasePick] = useState<number | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [savedViolations, setSavedViolations] = useState(0);
  const [compareId, setCompareId] = useState<number | null>(null);
  const [adoptNote, setAdoptNote] = useState<{ ok: boolean; text: string } | null>(null);
  const estateId = estate.data?.estate.id;
  const plan = usePlan(estateId, params, moves);
  const scenarios = useScenarios(estateId);
  const compare = useScenario(compareId);
  // A visit, a stage, an import or a colleague's saved scenario re-plans what is on screen.
  useChanges(estateId);

  const selectedPhase = phasePick ?? plan.data?.sites.find((s) => s.stairwellId === selected)?.phase ?? null;
  const states = useMemo(
    () => (estate.data && plan.data ? planStates(estate.data, plan.data, selectedPhase, compare.data?.plan ?? null) : undefined),
    [estate.data, plan.data, selectedPhase, compare.data],
  );
  const overlayData = useMemo(() => (plan.data ? { zones: plan.data.geometry.zones, hulls: plan.data.geometry.hulls } : undefined), [plan.data]);

  if (!estate.data || !params) return <LoadState error={estate.error ?? defaults.error} refetch={estate.refetch} />;
  const select = (id: number | null) => {
    setSelected(id);
    setPhasePick(null);
  };
  return (
    <div className="plan-page">
      <header className="plan-header">
        <h1>{t('plan.title', { name: estate.data.estate.name })}</h1>
        <EstatePicker estates={estate.estates} current={estate.data.estate.id} />
        {plan.isFetching && <span className="busy">…</span>}
        <PlanTabs current="phasing" />
        <LanguageToggle />
      </header>
      <aside className="plan-side">
        <PlanParamsForm
          params={params}
          onChange={(p) => {
            setParams(p);
            setMoves([]);
            setSavedId(null);
          }}
        />
        {plan.error && <p role="alert">{refusalText(plan.error)}</p>}
        {plan.data && <PlanHeadline plan={plan.data} />}
        {plan.data && <PlanScores plan={plan.data} compare={compare.data ? { name: compare.data.name, plan: compare.data.plan } : null} />}
        {compare.data && <p className="diff-note">{t('plan.diff', { name: compare.data.name })}</p>}
        <ScenarioBar
          scenarios={scenarios.list.data ?? []}
          savedId={savedId}
          savedViolations={savedViolations}
          saving={scenarios.save.isPending}
          onSave={(name) =>
            estateId !== undefined &&
            scenarios.save.mutate(
              { estateId, name, params, moves },
              {
                onSuccess: (r) => {
                  setSavedId(r.scenarioId);
                  setSavedViolations(r.violations);
                },
              },
            )
          }
          onLoad={(id) => {
            const s = scenarios.list.data?.find((x) => x.id === id);
            if (!s) return;
            // The scenario as saved: its parameters and its manual moves.
            setParams(s.params);
            setMoves(s.moves);
            setSavedId(id);
            setSavedViolations(s.violations);
          }}
          onAdopt={(scenarioId) =>
            estateId !== undefined &&
            scenarios.adopt.mutate(
              { estateId, scenarioId },
              { onSuccess: (r) => setAdoptNote({ ok: true, text: t('programme.adoptedNow', { name: r.name }) }), onError: (e) => setAdoptNote({ ok: false, text: refusalText(e) }) },
            )
          }
          adoptNote={adoptNote}
          compareId={compareId}
          onCompare={setCompareId}
        />
        {plan.data && (
          <SelectionPanel
            plan={plan.data}
            selectedId={selected}
            onMove={(m) => {
              setMoves([...moves, m]);
              setSavedId(null);
            }}
            onUndo={(i) => setMoves(moves.filter((_, k) => k !== i))}
          />
        )}
      </aside>
      <main className="plan-map">
        <BattleMapView
          data={estate.data}
          selectedId={selected}
          interactive
          onSelect={select}
          fill="state"
          overlay={OVERLAY}
          overlayData={overlayData}
          padding={MAP_PADDING}
          states={states}
        />
        {plan.data && (
          <PhaseLegend
            plan={plan.data}
            selectedPhase={selectedPhase}
            onSelectPhase={(p) => {
              setSelected(null);
              setPhasePick(p);
            }}
          />
        )}
        {estate.data.estate.schematic && <p className="schematic-note">示意 · {t('app.schematic')}</p>}
      </main>
      <section className="plan-gantt">
        {plan.data && (
          <GanttChart
            plan={plan.data}
            selectedId={selected}
            selectedPhase={selectedPhase}
            onSelect={select}
            onSelectPhase={(p) => {
              setSelected(null);
              setPhasePick(p);
            }}
          />
        )}
      </section>
    </div>
  );
}

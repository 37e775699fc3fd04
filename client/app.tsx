import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wallSettings } from './wall/wall-settings.ts';

// One chunk per screen: the wall does not download the PDF writer, the phone does not download the charts.
const WallPage = lazy(() => import('./pages/wall-page.tsx').then((m) => ({ default: m.WallPage })));
const CanvassPage = lazy(() => import('./pages/canvass-page.tsx').then((m) => ({ default: m.CanvassPage })));
const StaffPage = lazy(() => import('./pages/staff-page.tsx').then((m) => ({ default: m.StaffPage })));
const PlanPage = lazy(() => import('./pages/plan-page.tsx').then((m) => ({ default: m.PlanPage })));
const ProgrammePage = lazy(() => import('./pages/programme-page.tsx').then((m) => ({ default: m.ProgrammePage })));
const ParkingPage = lazy(() => import('./pages/parking-page.tsx').then((m) => ({ default: m.ParkingPage })));
const DistrictPage = lazy(() => import('./pages/district-page.tsx').then((m) => ({ default: m.DistrictPage })));
const StairwellPublicPage = lazy(() => import('./pages/stairwell-public-page.tsx').then((m) => ({ default: m.StairwellPublicPage })));
const PapersPage = lazy(() => import('./pages/papers-page.tsx').then((m) => ({ default: m.PapersPage })));
const OutlineImportPage = lazy(() => import('./pages/outline-import-page.tsx').then((m) => ({ default: m.OutlineImportPage })));
const EstateEditorPage = lazy(() => import('./pages/estate-editor-page.tsx').then((m) => ({ default: m.EstateEditorPage })));
const PresentPage = lazy(() => import('./pages/present-page.tsx').then((m) => ({ default: m.PresentPage })));

function Screen({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="load-state">{t('state.loading')}</p>}>{children}</Suspense>;
}

/** Routes by path; each page owns its layout. */
export function App({ path, search }: { path: string; search: URLSearchParams }) {
  const { t } = useTranslation();
  const route = path.replace(/\/$/, '') || '/';
  if (route === '/' || route === '/wall') return <Screen><WallPage settings={wallSettings(search)} /></Screen>;
  if (route === '/canvass') return <Screen><CanvassPage search={search} /></Screen>;
  if (route === '/admin') return <Screen><StaffPage /></Screen>;
  if (route === '/plan') {
    const view = search.get('view');
    return <Screen>{view === 'parking' ? <ParkingPage /> : view === 'programme' ? <ProgrammePage /> : <PlanPage />}</Screen>;
  }
  if (route === '/edit') return <Screen><EstateEditorPage /></Screen>;
  if (route === '/import') return <Screen><OutlineImportPage /></Screen>;
  if (route === '/present') return <Screen><PresentPage /></Screen>;
  if (route === '/district') return <Screen><DistrictPage /></Screen>;
  const stairwell = /^\/stairwell\/(\d{1,9})$/.exec(route);
  if (stairwell) return <Screen><StairwellPublicPage stairwellId={Number(stairwell[1])} /></Screen>;
  const papers = /^\/papers\/(\d{1,9})\/(form|result|notice)$/.exec(route);
  if (papers) return <Screen><PapersPage stairwellId={Number(papers[1])} kind={papers[2] as 'form' | 'result' | 'notice'} search={search} /></Screen>;
  return (
    <main className="not-found">
      <h1>{t('state.notFound')}</h1>
      <a href="/wall">{t('state.toWall')}</a>
    </main>
  );
}

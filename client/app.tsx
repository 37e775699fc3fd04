import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle, useEstateTitle } from './hooks/use-document-title.ts';
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
const MaintainPage = lazy(() => import('./pages/maintain-page.tsx').then((m) => ({ default: m.MaintainPage })));
const PapersPage = lazy(() => import('./pages/papers-page.tsx').then((m) => ({ default: m.PapersPage })));
const OutlineImportPage = lazy(() => import('./pages/outline-import-page.tsx').then((m) => ({ default: m.OutlineImportPage })));
const EstateEditorPage = lazy(() => import('./pages/estate-editor-page.tsx').then((m) => ({ default: m.EstateEditorPage })));
const PresentPage = lazy(() => import('./pages/present-page.tsx').then((m) => ({ default: m.PresentPage })));

function Screen({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="load-state">{t('state.loading')}</p>}>{children}</Suspense>;
}

/** A screen about every estate (the district), its tab titled with the screen's name. */
function TitledScreen({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title, null);
  return <Screen>{children}</Screen>;
}

/** A screen about the chosen estate, its tab titled with the estate's name and the screen's. */
function EstateScreen({ title, children }: { title: string; children: ReactNode }) {
  useEstateTitle(title);
  return <Screen>{children}</Screen>;
}

/** Routes by path; each page owns its layout. */
export function App({ path, search }: { path: string; search: URLSearchParams }) {
  const { t } = useTranslation();
  const route = path.replace(/\/$/, '') || '/';
  if (route === '/' || route === '/wall') return <EstateScreen title={t('title.wall')}><WallPage settings={wallSettings(search)} /></EstateScreen>;
  if (route === '/canvass') return <EstateScreen title={t('title.canvass')}><CanvassPage search={search} /></EstateScreen>;
  if (route === '/maintain') return <TitledScreen title={t('maintain.title')}><MaintainPage search={search} /></TitledScreen>;
  if (route === '/admin') return <EstateScreen title={t('title.admin')}><StaffPage /></EstateScreen>;
  if (route === '/plan') {
    const view = search.get('view');
    const title = t(view === 'parking' ? 'title.parking' : view === 'programme' ? 'title.programme' : 'title.plan');
    return <EstateScreen title={title}>{view === 'parking' ? <ParkingPage /> : view === 'programme' ? <ProgrammePage /> : <PlanPage />}</EstateScreen>;
  }
  if (route === '/edit') return <EstateScreen title={t('title.edit')}><EstateEditorPage /></EstateScreen>;
  if (route === '/import') return <EstateScreen title={t('title.import')}><OutlineImportPage /></EstateScreen>;
  if (route === '/present') return <EstateScreen title={t('title.present')}><PresentPage /></EstateScreen>;
  if (route === '/district') return <TitledScreen title={t('title.district')}><DistrictPage /></TitledScreen>;
  const stairwell = /^\/stairwell\/(\d{1,9})$/.exec(route);
  if (stairwell) return <Screen><StairwellPublicPage stairwellId={Number(stairwell[1])} /></Screen>;
  const papers = /^\/papers\/(\d{1,9})\/(form|result|notice|statements)$/.exec(route);
  if (papers) return <Screen><PapersPage stairwellId={Number(papers[1])} kind={papers[2] as 'form' | 'result' | 'notice' | 'statements'} search={search} /></Screen>;
  return (
    <main className="not-found">
      <h1>{t('state.notFound')}</h1>
      <a href="/wall">{t('state.toWall')}</a>
    </main>
  );
}

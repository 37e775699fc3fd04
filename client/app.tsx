import { useTranslation } from 'react-i18next';
import { CanvassPage } from './pages/canvass-page.tsx';
import { ParkingPage } from './pages/parking-page.tsx';
import { PlanPage } from './pages/plan-page.tsx';
import { PresentPage } from './pages/present-page.tsx';
import { StaffPage } from './pages/staff-page.tsx';
import { WallPage, wallSettings } from './pages/wall-page.tsx';

/** Routes by path; each page owns its layout. */
export function App({ path, search }: { path: string; search: URLSearchParams }) {
  const { t } = useTranslation();
  if (path === '/' || path === '/wall' || path === '/wall/') return <WallPage settings={wallSettings(search)} />;
  if (path === '/canvass' || path === '/canvass/') return <CanvassPage />;
  if (path === '/present' || path === '/present/') return <PresentPage />;
  if (path === '/admin' || path === '/admin/') return <StaffPage />;
  if (path === '/plan' || path === '/plan/') return search.get('view') === 'parking' ? <ParkingPage /> : <PlanPage />;
  return (
    <main className="not-found">
      <h1>{t('state.notFound')}</h1>
      <a href="/wall">{t('state.toWall')}</a>
    </main>
  );
}

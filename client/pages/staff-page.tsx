import { MoneyPanel } from '../components/staff/money-panel.tsx';
import { PromisesPanel } from '../components/staff/promises-panel.tsx';
import { TeamsPanel } from '../components/staff/teams-panel.tsx';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc.ts';
import { LoginForm } from '../components/canvass/login-form.tsx';
import { SessionHeader } from '../components/session-header.tsx';
import { AnswersPanel } from '../components/staff/answers-panel.tsx';
import { BackupsPanel } from '../components/staff/backups-panel.tsx';
import { PhonesPanel } from '../components/staff/phones-panel.tsx';
import { UsersPanel } from '../components/staff/users-panel.tsx';
import { EstateImportPanel } from '../components/staff/estate-import-panel.tsx';
import { PartsPanel } from '../components/staff/parts-panel.tsx';
import { CostsPanel } from '../components/staff/costs-panel.tsx';
import { EvidencePanel } from '../components/staff/evidence-panel.tsx';
import { PipelinePanel } from '../components/staff/pipeline-panel.tsx';
import { RegisterPanel } from '../components/staff/register-panel.tsx';
import { ReviewPanel } from '../components/staff/review-panel.tsx';
import { EstatePicker } from '../components/estate-picker.tsx';
import { useChanges } from '../hooks/use-changes.ts';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useSession } from '../hooks/use-session.ts';

/** /admin for staff: the register in and out, visits to review, prepared answers, cost splits. */
export function StaffPage() {
  const { t } = useTranslation();
  const session = useSession();
  const estate = useEstateMap();
  // Stages, imports and placements made elsewhere show here too.
  useChanges(estate.data?.estate.id);
  const staff = session.user?.role === 'admin' || session.user?.role === 'planner';
  return (
    <div className="canvass staff">
      <SessionHeader title={t('staff.title')} session={session} />
      {!session.user && !session.loading && <LoginForm session={session} />}
      {session.user && !staff && <p role="alert">{t('staff.needStaff')}</p>}
      {staff && estate.data && (
        <>
          <div className="staff-bar">
            <EstatePicker estates={estate.estates} current={estate.data.estate.id} />
            <BackupLine />
          </div>
          {/* The day's work first: stages and what is due across the page (the 80-row table beside the open stairwell's card), then visits and votes to review, then the estate's data and setup. */}
          <PipelinePanel estateId={estate.data.estate.id} />
          <div className="staff-grid">
            <div className="staff-col">
              <ReviewPanel />
              <EvidencePanel estateId={estate.data.estate.id} stairwells={estate.data.layers.stairwells.features.map((f) => ({ id: f.properties.id, doorNumber: f.properties.doorNumber }))} />
              <TeamsPanel data={estate.data} />
            </div>
            <div className="staff-col">
              <RegisterPanel estateId={estate.data.estate.id} />
              <AnswersPanel />
              <CostsPanel stairwells={estate.data.layers.stairwells.features.map((f) => ({ id: f.properties.id, doorNumber: f.properties.doorNumber }))} />
              <PromisesPanel estateId={estate.data.estate.id} stairwells={estate.data.layers.stairwells.features.map((f) => ({ id: f.properties.id, doorNumber: f.properties.doorNumber }))} />
              <MoneyPanel stairwells={estate.data.layers.stairwells.features.map((f) => ({ id: f.properties.id, doorNumber: f.properties.doorNumber }))} />
              {session.user?.role === 'admin' && <UsersPanel me={session.user.username} />}
              <PhonesPanel />
              {session.user?.role === 'admin' && <BackupsPanel />}
              <EstateImportPanel current={{ id: estate.data.estate.id, name: estate.data.estate.name }} />
              <PartsPanel data={estate.data} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** When the last backup ran and when the next will, so staff notice when backups stop: a warning past 2 days. */
function BackupLine() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const backup = useQuery(trpc.admin.lastBackup.queryOptions());
  if (!backup.data) return null;
  const { last, stale, schedule, postgres } = backup.data;
  return (
    <div className={`staff-card backup-line${stale ? ' backup-stale' : ''}`} data-testid="last-backup">
      {last ? <p>{t('staff.lastBackup', { at: last.at.slice(0, 16).replace('T', ' '), size: (last.bytes / 1024 / 1024).toFixed(1) })}</p> : <p role={stale ? 'alert' : undefined}>{t('staff.noBackup')}</p>}
      {stale && last && <p role="alert">{t('staff.staleBackup')}</p>}
      <p className="muted">{postgres ? t('staff.backupPostgres') : schedule ? t('staff.backupSchedule', schedule) : t('staff.backupOff')}</p>
    </div>
  );
}

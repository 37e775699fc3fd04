import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_KINDS, FAULT_KIND_ZH, LIFT_EMERGENCY_LINE, RESCUE_STANDARD_MINUTES, VISIT_KINDS, VISIT_KIND_ZH, type FaultKind, type VisitKind } from '../../geo/lifecycle/index.ts';
import { HEALTH_PALETTE } from '../../geo/palette/index.ts';
import { LoginForm } from '../components/canvass/login-form.tsx';
import { SessionHeader } from '../components/session-header.tsx';
import { refusalText } from '../hooks/use-problem-text.ts';
import { useSession } from '../hooks/use-session.ts';
import { useTRPC } from '../trpc.ts';

const UPKEEP_ROLES = new Set(['maintainer', 'admin', 'planner']);
const hhmm = (iso: string | null) => (iso ? iso.slice(5, 16).replace('T', ' ') : '—');

/**
 * 电梯维保 on the maintainer's phone: scanning the QR code in a lift's car opens `/maintain?lift=ID&tag=…`, where the
 * visit is recorded with one tap; faults and rescues are reported and timed here too. A maintainer's account sees only
 * its own lifts; nothing about residents.
 */
export function MaintainPage({ search }: { search: URLSearchParams }) {
  const { t } = useTranslation();
  const session = useSession();
  const lift = Number(search.get('lift'));
  const tag = search.get('tag') ?? '';
  if (session.loading) return <p className="load-state">{t('state.loading')}</p>;
  const user = session.user;
  return (
    <div className="canvass maintain">
      <SessionHeader title={t('maintain.title')} session={session} />
      {!user ? (
        <LoginForm session={session} />
      ) : !UPKEEP_ROLES.has(user.role) ? (
        <p role="alert">{t('maintain.notForRole')}</p>
      ) : Number.isInteger(lift) && lift > 0 ? (
        <LiftVisit stairwellId={lift} tag={tag} />
      ) : (
        <MyLifts />
      )}
    </div>
  );
}

function MyLifts() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lifts = useQuery(trpc.upkeep.myLifts.queryOptions({}));
  if (lifts.error) return <p role="alert">{refusalText(lifts.error)}</p>;
  if (!lifts.data) return <p>{t('state.loading')}</p>;
  return (
    <section>
      <h2>{t('maintain.mine', { count: lifts.data.length })}</h2>
      <p className="hint">{lifts.data.length ? t('maintain.scanHint') : t('maintain.none')}</p>
      <ul className="stairwell-list" data-testid="my-lifts">
        {lifts.data.map((l) => (
          <li key={l.stairwellId} data-health={l.health}>
            <a href={`/maintain?lift=${l.stairwellId}`}>
              <span className="swatch" style={{ background: HEALTH_PALETTE[l.health].color }} /> <strong>{l.doorNumber}</strong> {HEALTH_PALETTE[l.health].zh} ·{' '}
              {t('maintain.nextDue', { date: l.nextVisitDue })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LiftVisit({ stairwellId, tag }: { stairwellId: number; tag: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const lift = useQuery(trpc.upkeep.lift.queryOptions({ stairwellId }));
  const refresh = () => void client.invalidateQueries(trpc.upkeep.pathFilter());
  const visit = useMutation(trpc.upkeep.recordVisit.mutationOptions({ onSuccess: refresh }));
  const [kind, setKind] = useState<VisitKind>('half_month');
  const [note, setNote] = useState('');
  if (lift.error) return <p role="alert" data-testid="lift-refused">{refusalText(lift.error)}</p>;
  if (!lift.data) return <p>{t('state.loading')}</p>;
  const d = lift.data;
  const u = d.upkeep;
  return (
    <section className="lift-visit" data-testid="lift-visit">
      <h2>{d.doorNumber}</h2>
      {u && (
        <p>
          <span className="swatch" style={{ background: HEALTH_PALETTE[u.health].color }} /> {HEALTH_PALETTE[u.health].zh} · {t('maintain.lastVisit', { date: u.lastVisitOn ?? '—' })} ·{' '}
          {t('maintain.nextDue', { date: u.nextVisitDue })}
        </p>
      )}
      {d.service && <p className="hint">{t('maintain.inspection', { date: d.service.inspectionValidUntil, phone: d.service.maintainerPhone, emergency: LIFT_EMERGENCY_LINE })}</p>}
      {tag ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            visit.mutate({ stairwellId, tag, kind, note: note || undefined });
          }}
        >
          <fieldset>
            <legend>{t('maintain.visitKind')}</legend>
            {VISIT_KINDS.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {VISIT_KIND_ZH[k]}
              </label>
            ))}
          </fieldset>
          <label>
            {t('maintain.note')}
            <input name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={visit.isPending}>
            {t('maintain.record')}
          </button>
          {visit.data && (
            <p role="status" data-testid="visit-saved">
              {t('maintain.saved', { door: visit.data.doorNumber, time: visit.data.visitedAt.slice(11, 16) })}
            </p>
          )}
          {visit.error && <p role="alert">{refusalText(visit.error)}</p>}
        </form>
      ) : (
        <p className="hint">{t('maintain.scanToRecord')}</p>
      )}
      <FaultForm stairwellId={stairwellId} now={d.now} onDone={refresh} />
      <h3>{t('maintain.faults')}</h3>
      <ul className="fault-list" data-testid="faults">
        {d.faults.map((f) => (
          <FaultRow key={f.id} fault={f} onDone={refresh} />
        ))}
      </ul>
      <h3>{t('maintain.visits')}</h3>
      <ul data-testid="visits">
        {d.visits.map((v) => (
          <li key={v.id}>
            {hhmm(v.visitedAt)} {VISIT_KIND_ZH[v.kind]}
            {v.note ? ` · ${v.note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Fault = { id: number; kind: FaultKind; alarmAt: string; arrivedAt: string | null; releasedAt: string | null; resolvedAt: string | null; description: string; arrival: { minutes: number; late: boolean } | null };

function FaultRow({ fault: f, onDone }: { fault: Fault; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const update = useMutation(trpc.upkeep.updateFault.mutationOptions({ onSuccess: onDone }));
  const next = !f.arrivedAt ? 'arrivedAt' : f.kind === 'entrapment' && !f.releasedAt ? 'releasedAt' : !f.resolvedAt ? 'resolvedAt' : null;
  return (
    <li data-fault={f.id} className={f.resolvedAt ? '' : 'open'}>
      {hhmm(f.alarmAt)} {FAULT_KIND_ZH[f.kind]} · {f.description}
      {f.arrival && <span className={f.arrival.late ? 'late' : ''}> · {t('maintain.arrival', { minutes: f.arrival.minutes })}</span>}
      {next && (
        <button type="button" disabled={update.isPending} onClick={() => update.mutate({ faultId: f.id, now: next })}>
          {t(`maintain.now.${next}`)}
        </button>
      )}
      {update.error && <span role="alert"> {refusalText(update.error)}</span>}
    </li>
  );
}

function FaultForm({ stairwellId, now, onDone }: { stairwellId: number; now: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const report = useMutation(trpc.upkeep.reportFault.mutationOptions({ onSuccess: onDone }));
  const [v, setV] = useState({ kind: 'fault' as FaultKind, alarmAt: now, arrivedAt: '', releasedAt: '', description: '' });
  return (
    <details className="fault-form">
      <summary>{t('maintain.report', { minutes: RESCUE_STANDARD_MINUTES })}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          report.mutate({ stairwellId, kind: v.kind, alarmAt: v.alarmAt, arrivedAt: v.arrivedAt || undefined, releasedAt: v.releasedAt || undefined, description: v.description });
        }}
      >
        <fieldset>
          {FAULT_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="faultKind" value={k} checked={v.kind === k} onChange={() => setV({ ...v, kind: k })} /> {FAULT_KIND_ZH[k]}
            </label>
          ))}
        </fieldset>
        <label>
          {t('maintain.alarmAt')}
          <input type="datetime-local" name="alarmAt" value={v.alarmAt} onChange={(e) => setV({ ...v, alarmAt: e.target.value })} />
        </label>
        <label>
          {t('maintain.arrivedAt')}
          <input type="datetime-local" name="arrivedAt" value={v.arrivedAt} onChange={(e) => setV({ ...v, arrivedAt: e.target.value })} />
        </label>
        {v.kind === 'entrapment' && (
          <label>
            {t('maintain.releasedAt')}
            <input type="datetime-local" name="releasedAt" value={v.releasedAt} onChange={(e) => setV({ ...v, releasedAt: e.target.value })} />
          </label>
        )}
        <label>
          {t('maintain.description')}
          <input name="description" maxLength={200} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </label>
        <button type="submit" disabled={report.isPending}>
          {t('maintain.submitFault')}
        </button>
        {report.error && <p role="alert">{refusalText(report.error)}</p>}
        {report.data && <p role="status">{t('maintain.faultSaved')}</p>}
      </form>
    </details>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGE_PALETTE, coverageKey, type CoverageKey } from '../../../geo/palette/index.ts';
import { COVERAGE_GAP_ZH, TEAM_POSTS, TEAM_POST_EN, TEAM_POST_ZH, type TeamPost } from '../../../geo/team/index.ts';
import { base64Of } from '../../files/base64-of.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { COVERAGE_SOURCES, coverageFeatures, coverageLayers } from '../../map/coverage-layers.ts';
import { useTRPC } from '../../trpc.ts';
import type { EstateMap } from '../../wire.ts';
import { BattleMapView } from '../battle-map-view.tsx';

const OVERLAY = { sources: COVERAGE_SOURCES, layers: coverageLayers() };
const KEYS: CoverageKey[] = ['covered', 'partial', 'bare'];

/**
 * 党建引领 and 1+2+N in /admin: the coverage map (green, amber, red, with
 * the wall's 缺 楼·党·队 badges), the stairwells still to fill, and for the
 * chosen stairwell its people — branch secretary, 楼组长, party members who
 * have shown their identity, the service team — each with what they answer
 * for; add or stand down, or import the whole 1+2+N table.
 */
export function TeamsPanel({ data }: { data: EstateMap }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const estateId = data.estate.id;
  const coverage = useQuery(trpc.teams.coverage.queryOptions({ estateId }));
  const people = useQuery(trpc.teams.canvassers.queryOptions({ estateId }));
  const [selected, setSelected] = useState<number | null>(null);
  const team = useQuery(trpc.teams.ofStairwell.queryOptions({ stairwellId: selected ?? 0 }, { enabled: selected !== null }));
  const refresh = () => void client.invalidateQueries(trpc.teams.pathFilter());
  const assign = useMutation(trpc.teams.assign.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.teams.remove.mutationOptions({ onSuccess: refresh }));
  const upload = useMutation(trpc.teams.import.mutationOptions({ onSuccess: refresh }));
  const [form, setForm] = useState<{ canvasserId: string; post: TeamPost; duty: string; since: string }>({ canvasserId: '', post: 'group_leader', duty: '', since: '' });

  const states = useMemo(() => {
    const m = new Map<number, Record<string, unknown>>();
    for (const s of coverage.data?.stairwells ?? []) {
      const entry = COVERAGE_PALETTE[coverageKey(s.gaps.length)];
      m.set(s.stairwellId, { color: entry.color, text: entry.text });
    }
    return { stairwells: m };
  }, [coverage.data]);
  const overlayData = useMemo(() => (coverage.data ? { coverage: coverageFeatures(data, coverage.data.stairwells) } : undefined), [data, coverage.data]);
  if (!coverage.data) return null;
  const { totals } = coverage.data;
  const flagged = coverage.data.stairwells.filter((s) => s.gaps.length > 0);
  const chosen = coverage.data.stairwells.find((s) => s.stairwellId === selected);
  const postName = (p: TeamPost) => (i18n.language === 'en' ? TEAM_POST_EN[p] : TEAM_POST_ZH[p]);
  const since = form.since || people.data?.today || '';
  const error = assign.error ?? remove.error ?? upload.error;
  return (
    <section className="staff-card teams-panel" data-testid="teams-panel">
      <h2>{t('teams.title')}</h2>
      <p data-testid="teams-summary">
        {t('teams.summary', { branches: totals.branches, leaders: totals.withGroupLeader, party: totals.partyMembers, teams: totals.withServiceTeam, complete: totals.teamsComplete, n: totals.stairwells })}
      </p>
      <div className="teams-map">
        <BattleMapView data={data} selectedId={selected} interactive onSelect={setSelected} fill="state" states={states} overlay={OVERLAY} overlayData={overlayData} zoomControl />
      </div>
      <ul className="teams-key">
        {KEYS.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: COVERAGE_PALETTE[k].color }} />
            {i18n.language === 'en' ? COVERAGE_PALETTE[k].en : COVERAGE_PALETTE[k].zh}
          </li>
        ))}
      </ul>
      <label>
        {t('teams.flagged', { count: flagged.length })}
        <select name="teams-stairwell" value={selected ?? ''} onChange={(e) => setSelected(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('teams.pick')}</option>
          {coverage.data.stairwells.map((s) => (
            <option key={s.stairwellId} value={s.stairwellId}>
              {s.doorNumber}
              {s.gaps.length ? ` · ${s.gaps.map((g) => COVERAGE_GAP_ZH[g]).join('、')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="team-of-stairwell" data-testid="team-of-stairwell" data-stairwell={chosen.stairwellId}>
          <h3>
            {chosen.doorNumber}
            {chosen.branch ? ` · ${t('teams.branchOf', { door: chosen.doorNumber })}` : ''}
          </h3>
          {chosen.gaps.length > 0 && (
            <p className="gaps" role="status">
              {chosen.gaps.map((g) => COVERAGE_GAP_ZH[g]).join('、')}
            </p>
          )}
          {team.data && team.data.length === 0 && <p className="muted">{t('teams.nobody')}</p>}
          <ul className="team-members">
            {team.data?.map((m) => (
              <li key={m.id} data-post={m.post}>
                <b>{postName(m.post)}</b> {m.name}（{m.canvasserId}）{m.dutyText && ` · ${m.dutyText}`} · {m.since}{' '}
                <button type="button" onClick={() => remove.mutate({ memberId: m.id })}>
                  {t('teams.remove')}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="team-add"
            onSubmit={(e) => {
              e.preventDefault();
              assign.mutate({ stairwellId: chosen.stairwellId, canvasserId: form.canvasserId, post: form.post, duty: form.duty, since }, { onSuccess: () => setForm({ ...form, canvasserId: '', duty: '' }) });
            }}
          >
            <label>
              {t('teams.post')}
              <select name="post" value={form.post} onChange={(e) => setForm({ ...form, post: e.target.value as TeamPost })}>
                {TEAM_POSTS.map((p) => (
                  <option key={p} value={p}>
                    {postName(p)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('teams.canvasser')}
              <select name="canvasser" required value={form.canvasserId} onChange={(e) => setForm({ ...form, canvasserId: e.target.value })}>
                <option value="">—</option>
                {people.data?.canvassers.map((c) => (
                  <option key={c.id} value={c.canvasserId}>
                    {c.canvasserId} {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('teams.duty')}
              <input name="duty" maxLength={200} value={form.duty} onChange={(e) => setForm({ ...form, duty: e.target.value })} />
            </label>
            <label>
              {t('teams.since')}
              <input name="since" type="date" max={people.data?.today} value={since} onChange={(e) => setForm({ ...form, since: e.target.value })} />
            </label>
            <button type="submit" className="primary" disabled={assign.isPending || !form.canvasserId}>
              {t('teams.add')}
            </button>
          </form>
        </div>
      )}
      <label>
        {t('teams.import')}
        <input
          type="file"
          name="teams-file"
          accept=".csv,.xlsx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void base64Of(file).then((base64) => upload.mutate({ estateId, fileName: file.name, base64 }));
          }}
        />
      </label>
      {upload.data && <p role="status">{t('teams.imported', upload.data)}</p>}
      {error && <p role="alert">{refusalText(error)}</p>}
    </section>
  );
}

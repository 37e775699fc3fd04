import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { fitPlan, type PlanPoint } from '../../../geo/site-plan/index.ts';
import { base64Of } from '../../files/base64-of.ts';
import { useProblemText, refusalText } from '../../hooks/use-problem-text.ts';
import type { EstateEditor } from '../../map/estate-editor.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * 总平面图底图: a photo or scan of the paper site plan, placed by pinning
 * three or more points on it and then on the map (each point's error shown
 * as it is fitted), drawn under the layout at an adjustable opacity, so
 * buildings, doors and spaces can be traced over it.
 */
export function SitePlanPanel({ estateId, editor }: { estateId: number; editor: RefObject<EstateEditor | null> }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const plan = useQuery(trpc.sitePlan.get.queryOptions({ estateId }));
  const refresh = () => client.invalidateQueries({ queryKey: trpc.sitePlan.get.queryKey({ estateId }) });
  const upload = useMutation(trpc.sitePlan.upload.mutationOptions({ onSuccess: refresh }));
  const place = useMutation(trpc.sitePlan.place.mutationOptions({ onSuccess: refresh }));
  const opacity = useMutation(trpc.sitePlan.setOpacity.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sitePlan.remove.mutationOptions({ onSuccess: refresh }));
  const [points, setPoints] = useState<PlanPoint[] | null>(null);
  const [waiting, setWaiting] = useState<[number, number] | null>(null);
  const [shownOpacity, setShownOpacity] = useState<number | null>(null);
  const p = plan.data;
  const url = p ? `/api/estates/${estateId}/site-plan?v=${p.sha256}` : null;
  const fit = p && points && points.length >= 3 ? fitPlan(points, p.widthPx, p.heightPx) : null;
  const corners = fit?.ok ? fit.fit.corners : (p?.corners ?? null);
  const alpha = shownOpacity ?? p?.opacity ?? 0.6;

  useEffect(() => {
    void editor.current?.setSitePlan(url && corners ? { url, corners, opacity: alpha } : null);
  }, [editor, url, corners, alpha]);

  const pin = async (px: [number, number]) => {
    setWaiting(px);
    const at = await editor.current?.nextClick();
    setWaiting(null);
    if (at) setPoints((ps) => [...(ps ?? []), { px, at }]);
  };
  const error = upload.error ?? place.error ?? opacity.error ?? remove.error;

  return (
    <fieldset className="site-plan" data-testid="site-plan">
      <legend>{t('editor.sitePlan.title')}</legend>
      <p className="hint">{t('editor.sitePlan.hint')}</p>
      <label>
        {t(p ? 'editor.sitePlan.replace' : 'editor.sitePlan.upload')}
        <input
          type="file"
          name="site-plan"
          accept="image/png,image/jpeg,image/webp"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void base64Of(f).then((base64) => upload.mutate({ estateId, fileName: f.name, base64 }, { onSuccess: () => setPoints([]) }));
          }}
        />
      </label>
      {upload.isPending && <p>{t('editor.saving')}</p>}
      {error && <p role="alert">{refusalText(error)}</p>}
      {p && url && (
        <>
          <p>{t('editor.sitePlan.size', { width: p.widthPx, height: p.heightPx, points: p.points.length })}</p>
          {points === null ? (
            <button type="button" onClick={() => setPoints([])}>
              {t(p.corners ? 'editor.sitePlan.placeAgain' : 'editor.sitePlan.place')}
            </button>
          ) : (
            <>
              <p className="hint">{t(waiting ? 'editor.sitePlan.nowOnMap' : 'editor.sitePlan.clickImage', { n: points.length + 1 })}</p>
              <img
                src={url}
                alt={t('editor.sitePlan.title')}
                className="site-plan-image"
                data-testid="site-plan-image"
                onClick={(e) => {
                  if (waiting) return;
                  const box = e.currentTarget.getBoundingClientRect();
                  void pin([Math.round(((e.clientX - box.left) / box.width) * p.widthPx), Math.round(((e.clientY - box.top) / box.height) * p.heightPx)]);
                }}
              />
              <ol className="plan-points" data-testid="plan-points">
                {points.map((pt, i) => (
                  <li key={i}>
                    {t('editor.sitePlan.point', { x: pt.px[0], y: pt.px[1] })}
                    {fit && (fit.ok ? ` · ${t('editor.sitePlan.off', { m: fit.fit.residualsM[i] })}` : fit.residualsM ? ` · ${t('editor.sitePlan.off', { m: fit.residualsM[i] })}` : '')}
                  </li>
                ))}
              </ol>
              {fit && !fit.ok && <p role="alert">{text(fit.problem)}</p>}
              <div className="buttons">
                <button type="button" className="primary" disabled={!fit?.ok || place.isPending} onClick={() => place.mutate({ estateId, points }, { onSuccess: () => setPoints(null) })}>
                  {t('editor.sitePlan.save')}
                </button>
                <button type="button" onClick={() => setPoints(null)}>
                  {t('editor.cancel')}
                </button>
              </div>
            </>
          )}
          <label>
            {t('editor.sitePlan.opacity', { percent: Math.round(alpha * 100) })}
            <input
              type="range"
              name="site-plan-opacity"
              min={0.05}
              max={1}
              step={0.05}
              value={alpha}
              onChange={(e) => setShownOpacity(Number(e.target.value))}
              onPointerUp={() => shownOpacity !== null && opacity.mutate({ estateId, opacity: shownOpacity })}
              onKeyUp={() => shownOpacity !== null && opacity.mutate({ estateId, opacity: shownOpacity })}
            />
          </label>
          <button type="button" onClick={() => remove.mutate({ estateId, confirm: true })}>
            {t('editor.sitePlan.remove')}
          </button>
        </>
      )}
    </fieldset>
  );
}

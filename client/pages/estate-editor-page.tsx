import { booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addBuilding,
  addFireLane,
  addParkingRow,
  nextDoorNumber,
  placeBuilding,
  removeBuilding,
  removeFeature,
  rotateSite,
  splitStairwell,
  withGeometry,
  type EditResult,
  type EstateCollection,
} from '../../geo/editing/index.ts';
import type { LineGeometry, PolygonGeometry } from '../../geo/estate/geometry-schemas.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { SessionHeader } from '../components/session-header.tsx';
import { StaffOnly } from '../components/staff-only.tsx';
import { PendingEditForm, type PendingValues } from '../components/editor/pending-edit-form.tsx';
import { SitePlanPanel } from '../components/editor/site-plan-panel.tsx';
import { useEstateFile } from '../hooks/use-estate-file.ts';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useProblemText } from '../hooks/use-problem-text.ts';
import { useSession } from '../hooks/use-session.ts';
import { EDITOR_TOOLS, EstateEditor, type EditorTool } from '../map/estate-editor.ts';
import { useTRPC } from '../trpc.ts';
import '../styles/outline-import.css';

/** /edit 绘制与修改: staff only. */
export function EstateEditorPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <StaffOnly>
      <div className="outline-import">
        <SessionHeader title={t('editor.title')} session={session} />
        <EstateEditorView />
      </div>
    </StaffOnly>
  );
}

/** Sensible values to start a drawing's form with: the next free building code, the next unit, a row that fills the kerb, a 6 m lane. */
function defaultsFor(tool: Exclude<EditorTool, 'select'>, estate: EstateCollection, geometry: GeoJSON.Polygon | GeoJSON.LineString): PendingValues {
  if (tool === 'building') {
    const codes = new Set(estate.features.filter((f) => f.properties.kind === 'building').map((f) => String(f.properties.code)));
    let n = 1;
    while (codes.has(`${n}幢`)) n++;
    return { tool, code: `${n}幢`, floors: 6, stairwellCount: 2 };
  }
  if (tool === 'cut') {
    const line = geometry.coordinates as LngLat[];
    const [a, b] = [line[0]!, line[line.length - 1]!];
    const middle: LngLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const hit = estate.features.find((f) => f.properties.kind === 'stairwell' && booleanPointInPolygon(middle, turfPolygon((f.geometry as PolygonGeometry).coordinates)));
    return { tool, doorNumber: hit ? nextDoorNumber(estate, String(hit.properties.buildingCode), String(hit.properties.doorNumber)) : '' };
  }
  if (tool === 'kerb') return { tool, count: null, side: 'left' };
  const lanes = estate.features.filter((f) => f.properties.kind === 'fire_lane').length;
  return { tool, name: `消防车道 ${lanes + 1}`, roadWidthM: 6, clearWidthM: 4 };
}

/** The edit a finished form asks for. */
function editOf(estate: EstateCollection, geometry: GeoJSON.Polygon | GeoJSON.LineString, v: PendingValues): EditResult {
  if (v.tool === 'building') return addBuilding(estate, geometry as PolygonGeometry, v);
  if (v.tool === 'cut') return splitStairwell(estate, geometry.coordinates as LngLat[], v.doorNumber);
  if (v.tool === 'kerb') return addParkingRow(estate, geometry.coordinates as LngLat[], v.count, v.side);
  return addFireLane(estate, geometry as LineGeometry, v);
}

/**
 * Draws and changes an estate on the map: buildings added, moved and
 * reshaped, stairwells split, elevator sites moved and turned, rows of
 * parking spaces, fire lanes, the boundary; over a paper site plan if one is
 * placed. Every edit is saved at once through the estate import (the same
 * checks, one transaction, every screen told), and can be undone.
 */
function EstateEditorView() {
  const { t } = useTranslation();
  const text = useProblemText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  const file = useEstateFile(estateId);
  const save = useMutation(trpc.admin.importEstate.mutationOptions());
  const box = useRef<HTMLDivElement>(null);
  const editor = useRef<EstateEditor | null>(null);
  const current = useRef<EstateCollection | undefined>(undefined);
  const [tool, setTool] = useState<EditorTool>('select');
  const [undo, setUndo] = useState<EstateCollection[]>([]);
  const [pending, setPending] = useState<{ geometry: GeoJSON.Polygon | GeoJSON.LineString; values: PendingValues } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);

  /** Saves an edited estate through the import; refused, the map goes back to what is stored. */
  const commit = async (next: EstateCollection, undoable: boolean) => {
    const before = current.current!;
    const result = await save.mutateAsync({ geojson: next });
    if (!result.ok) {
      setMessage({ ok: false, lines: result.problems });
      void editor.current?.setEstate(before);
      return false;
    }
    if (undoable) setUndo((u) => [...u.slice(-49), before]);
    setMessage({ ok: true, lines: [t('editor.saved')] });
    await client.invalidateQueries();
    return true;
  };
  const apply = (result: EditResult) => {
    if (!result.ok) {
      setMessage({ ok: false, lines: [text(result.problem)] });
      if (current.current) void editor.current?.setEstate(current.current);
      return;
    }
    void commit(result.estate, true);
  };
  const applyRef = useRef(apply);
  const commitRef = useRef(commit);
  useEffect(() => {
    applyRef.current = apply;
    commitRef.current = commit;
    current.current = file.data;
  });

  useEffect(() => {
    if (!box.current) return;
    const e = new EstateEditor(box.current, {
      onDrawn: (drawnWith, geometry) => current.current && setPending({ geometry, values: defaultsFor(drawnWith, current.current, geometry) }),
      onChanged: (key, geometry) => {
        const estateNow = current.current;
        if (!estateNow) return;
        const [kind, ...name] = key.split(':');
        applyRef.current(kind === 'building' ? placeBuilding(estateNow, name.join(':'), geometry as PolygonGeometry) : withGeometry(estateNow, key, geometry));
      },
      onSelect: setSelected,
    });
    editor.current = e;
    return () => {
      e.destroy();
      editor.current = null;
    };
  }, []);
  useEffect(() => void (file.data && editor.current?.setEstate(file.data)), [file.data]);
  useEffect(() => void editor.current?.setTool(tool), [tool]);

  const [kind, ...rest] = (selected ?? '').split(':');
  const name = rest.join(':');
  const estateNow = file.data;
  return (
    <div className="outline-layout">
      <div ref={box} className="outline-map" data-testid="estate-editor" />
      <aside className="outline-side">
        <p className="hint">{t('editor.hint', { name: estate.data?.estate.name ?? '' })}</p>
        <div className="buttons tools" role="toolbar">
          {EDITOR_TOOLS.map((tl) => (
            <button key={tl} type="button" className={tool === tl ? 'active' : ''} aria-pressed={tool === tl} onClick={() => setTool(tl)}>
              {t(`editor.tools.${tl}`)}
            </button>
          ))}
        </div>
        <p className="hint">{t(`editor.toolHints.${tool}`)}</p>
        {pending && estateNow && (
          <PendingEditForm
            key={JSON.stringify(pending.geometry.coordinates[0])}
            initial={pending.values}
            onCancel={() => setPending(null)}
            onApply={(v) => {
              setPending(null);
              applyRef.current(editOf(estateNow, pending.geometry, v));
            }}
          />
        )}
        {selected && estateNow && (
          <div className="selected-feature" data-testid="selected-feature">
            <p>{t('editor.selected', { what: t(`editor.kinds.${kind as 'building'}`, { defaultValue: kind }), name })}</p>
            <div className="buttons">
              {kind === 'elevator_site' && <RotateButtons onRotate={(deg) => applyRef.current(rotateSite(estateNow, name, deg))} />}
              {(kind === 'parking' || kind === 'fire_lane') && (
                <button type="button" onClick={() => applyRef.current(removeFeature(estateNow, selected))}>
                  {t('editor.remove')}
                </button>
              )}
              {kind === 'building' && (
                <button type="button" onClick={() => applyRef.current(removeBuilding(estateNow, name))}>
                  {t('editor.removeBuilding')}
                </button>
              )}
            </div>
          </div>
        )}
        <div className="buttons">
          <button
            type="button"
            disabled={undo.length === 0 || save.isPending}
            onClick={() => {
              const previous = undo[undo.length - 1];
              if (previous) void commitRef.current(previous, false).then((ok) => ok && setUndo((u) => u.slice(0, -1)));
            }}
          >
            {t('editor.undo', { count: undo.length })}
          </button>
          <button type="button" onClick={() => void editor.current?.showWhole()}>
            {t('editor.whole')}
          </button>
          {estateId !== undefined && (
            <a href={`/wall?estate=${estateId}`} className="link">
              {t('staff.estate.openWall')}
            </a>
          )}
        </div>
        {save.isPending && <p>{t('editor.saving')}</p>}
        {message && (
          <ul className={message.ok ? 'saved' : 'problems'} role={message.ok ? 'status' : 'alert'} data-testid="editor-message">
            {message.lines.slice(0, 30).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        )}
        {estateId !== undefined && <SitePlanPanel estateId={estateId} editor={editor} />}
      </aside>
    </div>
  );
}

/** Turns the selected elevator site by 15° or 1° either way. */
function RotateButtons({ onRotate }: { onRotate: (degrees: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {[15, 1, -1, -15].map((deg) => (
        <button key={deg} type="button" onClick={() => onRotate(deg)}>
          {t('editor.rotate', { deg: deg > 0 ? `↺ ${deg}` : `↻ ${-deg}` })}
        </button>
      ))}
    </>
  );
}

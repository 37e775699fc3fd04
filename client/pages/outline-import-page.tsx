import { centroid, polygon as turfPolygon } from '@turf/turf';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATUMS, type Datum } from '../../geo/estate/datum.ts';
import type { PolygonGeometry } from '../../geo/estate/geometry-schemas.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { buildingChoices, buildingCodes, DEFAULT_MAPPING, outlinesToEstate, preselectOutlines, type OutlineMapping } from '../../geo/outlines/index.ts';
import { SessionHeader } from '../components/session-header.tsx';
import { StaffOnly } from '../components/staff-only.tsx';
import { OutlineBuildingTable, type BuildingEdit } from '../components/outlines/outline-building-table.tsx';
import { OutlineImportResult } from '../components/outlines/outline-import-result.tsx';
import { OutlineMappingForm } from '../components/outlines/outline-mapping-form.tsx';
import { ProblemList } from '../components/outlines/problem-list.tsx';
import { base64Of } from '../files/base64-of.ts';
import { useProblemText } from '../hooks/use-problem-text.ts';
import { useSession } from '../hooks/use-session.ts';
import { OutlineMap } from '../map/outline-map.ts';
import { useTRPC } from '../trpc.ts';
import '../styles/outline-import.css';

/** More outlines than this and nothing is preselected until a boundary is drawn: a city layer, not an estate's own file. */
const PRESELECT_WHOLE_FILE_UP_TO = 200;

/** /import 导入楼栋轮廓: staff only. */
export function OutlineImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <StaffOnly>
      <div className="outline-import">
        <SessionHeader title={t('outlines.title')} session={session} />
        <OutlineImport />
      </div>
    </StaffOnly>
  );
}

/**
 * A building-outline file as a committee gets it → an estate: read on the
 * server, then mapped here (which attribute holds floors and codes), the
 * estate's buildings chosen by a drawn boundary or clicks, stairwells per
 * building estimated and edited, previewed, imported in one transaction.
 */
function OutlineImport() {
  const { t } = useTranslation();
  const text = useProblemText();
  const trpc = useTRPC();
  const read = useMutation(trpc.admin.readOutlines.mutationOptions());
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<OutlineMap | null>(null);
  const [mapping, setMapping] = useState<OutlineMapping>(DEFAULT_MAPPING);
  const [boundary, setBoundary] = useState<PolygonGeometry | null>(null);
  const [edits, setEdits] = useState<Record<string, BuildingEdit>>({});
  const [name, setName] = useState('');
  const [from, setFrom] = useState<Datum>('wgs84');
  const [drawing, setDrawing] = useState<'none' | 'draw' | 'reshape'>('none');
  const file = read.data?.ok ? read.data : null;
  const outlines = useMemo(() => file?.outlines ?? [], [file]);
  const byId = useMemo(() => new Map(outlines.map((o) => [o.id, o])), [outlines]);

  // A new file, mapping or boundary preselects afresh (and forgets clicks); clicks then take or leave outlines.
  const preselected = useMemo(
    () => (boundary || outlines.length <= PRESELECT_WHOLE_FILE_UP_TO ? preselectOutlines(outlines, mapping, boundary).selected : []),
    [outlines, mapping, boundary],
  );
  /** Outlines clicked since the last preselection: each click takes or leaves one. */
  const [flipped, setFlipped] = useState<Set<string>>(new Set());
  const selected = useMemo(() => {
    const s = new Set(preselected);
    for (const id of flipped) if (!s.delete(id)) s.add(id);
    return s;
  }, [preselected, flipped]);
  const changeMapping = (m: OutlineMapping) => {
    setMapping(m);
    setFlipped(new Set());
  };

  useEffect(() => {
    if (!box.current) return;
    const m = new OutlineMap(box.current, {
      onToggle: (id) =>
        setFlipped((f) => {
          const next = new Set(f);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      onBoundary: (b) => {
        setBoundary(b);
        setFlipped(new Set());
        setDrawing('none');
      },
    });
    mapRef.current = m;
    return () => {
      m.destroy();
      mapRef.current = null;
    };
  }, []);
  useEffect(() => void mapRef.current?.setOutlines(outlines), [outlines]);

  const buildings = useMemo(
    () => buildingChoices(outlines, [...selected].filter((id) => byId.get(id)?.problem === null), mapping).map((b) => ({ ...b, ...edits[b.outlineId] })),
    [outlines, byId, selected, mapping, edits],
  );
  const estate = useMemo(() => outlinesToEstate({ name, boundary, buildings }), [name, boundary, buildings]);
  const codes = useMemo(() => buildingCodes(buildings), [buildings]);
  useEffect(() => {
    const labels = buildings.map((b) => ({
      outlineId: b.outlineId,
      at: centroid(turfPolygon(b.footprint.coordinates)).geometry.coordinates as LngLat,
      text: t('outlines.label', { code: codes.get(b.outlineId) ?? '', count: b.stairwellCount }),
    }));
    void mapRef.current?.setSelection(selected, labels);
  }, [selected, buildings, codes, t]);

  const choose = async (f: File | undefined) => {
    setEdits({});
    setFlipped(new Set());
    setBoundary(null);
    void mapRef.current?.clearBoundary();
    if (!f) return read.reset();
    const result = await read.mutateAsync({ fileName: f.name, base64: await base64Of(f) });
    if (result.ok) changeMapping({ ...DEFAULT_MAPPING, ...result.guess });
  };
  const refusedInside = outlines.filter((o) => o.problem && selected.has(o.id));
  const boundaryProblems = outlines.filter((o) => o.problem !== null).map((o) => o.problem!);

  return (
    <div className="outline-layout">
      <div ref={box} className="outline-map" data-testid="outline-map" />
      <aside className="outline-side">
        <p className="hint">{t('outlines.hint')}</p>
        <label>
          {t('outlines.choose')}
          <input type="file" name="outlines" accept=".geojson,.json,.zip,.kml,.kmz,.osm,.xml" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {read.isPending && <p>{t('state.loading')}</p>}
        {read.data && !read.data.ok && <ProblemList problems={read.data.problems} testId="outline-problems" />}
        {file && (
          <>
            <p data-testid="outline-read">
              {t('outlines.read', { count: file.outlines.length, crs: text(file.crs) })}
              {file.skipped.points + file.skipped.lines > 0 && ` ${t('outlines.skipped', { points: file.skipped.points, lines: file.skipped.lines })}`}
            </p>
            <label>
              {t('staff.estate.datum')}
              <select name="datum" value={from} onChange={(e) => setFrom(e.target.value as Datum)}>
                {DATUMS.map((d) => (
                  <option key={d} value={d}>
                    {t(`staff.estate.datums.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <OutlineMappingForm fields={file.fields} mapping={mapping} onChange={changeMapping} />
            <fieldset className="outline-boundary">
              <legend>{t('outlines.choice')}</legend>
              <p className="hint">{t(file.outlines.length > PRESELECT_WHOLE_FILE_UP_TO ? 'outlines.choiceHintCity' : 'outlines.choiceHint')}</p>
              <div className="buttons">
                <button
                  type="button"
                  className={drawing === 'draw' ? 'active' : ''}
                  onClick={() => {
                    setDrawing('draw');
                    void mapRef.current?.drawBoundary();
                  }}
                >
                  {t('outlines.drawBoundary')}
                </button>
                {boundary && (
                  <button
                    type="button"
                    className={drawing === 'reshape' ? 'active' : ''}
                    onClick={() => {
                      if (drawing === 'reshape') {
                        setDrawing('none');
                        void mapRef.current?.stopDrawing();
                      } else {
                        setDrawing('reshape');
                        void mapRef.current?.reshapeBoundary();
                      }
                    }}
                  >
                    {t(drawing === 'reshape' ? 'outlines.doneReshaping' : 'outlines.reshapeBoundary')}
                  </button>
                )}
                {boundary && (
                  <button type="button" onClick={() => void mapRef.current?.clearBoundary()}>
                    {t('outlines.clearBoundary')}
                  </button>
                )}
              </div>
              {drawing === 'draw' && <p className="hint">{t('outlines.drawingHint')}</p>}
            </fieldset>
            {refusedInside.length > 0 && <ProblemList problems={refusedInside.map((o) => o.problem!)} />}
            {refusedInside.length === 0 && boundaryProblems.length > 0 && <p className="hint">{t('outlines.someRefused', { count: boundaryProblems.length })}</p>}
            <OutlineBuildingTable
              buildings={buildings}
              codes={codes}
              lengths={new Map(outlines.map((o) => [o.id, o.lengthM]))}
              onEdit={(id, edit) => setEdits((e) => ({ ...e, [id]: { ...e[id], ...edit } }))}
            />
            <label>
              {t('outlines.name')}
              <input name="estate-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            </label>
            {!estate.ok && (name.trim() !== '' || buildings.length > 0) && <ProblemList problems={estate.problems} />}
            {estate.ok && <OutlineImportResult geojson={estate.geojson} from={from} />}
          </>
        )}
      </aside>
    </div>
  );
}

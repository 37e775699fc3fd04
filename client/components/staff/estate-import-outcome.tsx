import type { inferRouterOutputs } from '@trpc/server';
import { useTranslation } from 'react-i18next';
import { ImportPreviewMap } from './import-preview-map.tsx';
import type { AppRouter } from '../../wire.ts';

type Outputs = inferRouterOutputs<AppRouter>['admin'];

/** The server's dry run of an estate import: what it would create or change, or every problem, and the estate on a map. */
export function EstatePreview({ preview: p }: { preview: Outputs['previewEstate'] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="estate-preview">
      {p.ok ? (
        <p>
          {p.outcome.kind === 'created'
            ? t('staff.estate.willCreate', { name: p.outcome.name, stairwells: p.outcome.stairwells, flats: p.outcome.flats, canvassers: p.outcome.canvassers })
            : t('staff.estate.willUpdate', { name: p.outcome.name, ...p.outcome.stairwells, flats: p.outcome.flatsKept })}
          {p.outcome.kind === 'updated' && p.outcome.adjusted.kept > 0 && ` ${t('staff.estate.adjustedKept', { count: p.outcome.adjusted.kept })}`}
        </p>
      ) : (
        <>
          <p role="alert">{t('staff.problems', { count: p.problems.length })}</p>
          <ul className="problems">
            {p.problems.slice(0, 50).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {p.ok && p.outcome.kind === 'updated' && p.outcome.adjusted.dropped.length > 0 && (
        <p role="alert">{t('staff.estate.adjustedDropped', { parts: p.outcome.adjusted.dropped.join('、') })}</p>
      )}
      {p.preview && <ImportPreviewMap preview={p.preview} />}
    </div>
  );
}

/** What the import did, with links to the estate's wall (and its map editor). */
export function EstateImportResult({ result, withEditor = false }: { result: Outputs['importEstate']; withEditor?: boolean }) {
  const { t } = useTranslation();
  return (
    <p data-testid="estate-import-result" role="status">
      {result.ok
        ? result.outcome.kind === 'created'
          ? t('staff.estate.created', { name: result.outcome.name, id: result.outcome.estateId })
          : t('staff.estate.updated', { name: result.outcome.name })
        : result.problems.join('; ')}
      {result.ok && (
        <>
          {' · '}
          <a href={`/wall?estate=${result.outcome.estateId}`}>{t('staff.estate.openWall')}</a>
          {withEditor && (
            <>
              {' · '}
              <a href={`/edit?estate=${result.outcome.estateId}`}>{t('outlines.openEditor')}</a>
            </>
          )}
        </>
      )}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { FocusView } from '../../wall/focus-views.ts';

/** Names the focus view the wall is showing and the doors it points at. */
export function FocusCaption({ view, index, count }: { view: FocusView; index: number; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="focus-caption" data-testid="focus-caption" data-focus={view.key}>
      <strong>{t(`wall.focus.${view.key}`)}</strong>
      {count > 1 && (
        <span className="pager">
          {index + 1}/{count}
        </span>
      )}
      {view.key !== 'estate' && <p>{view.key === 'closest' ? t('wall.closestNote') : t('wall.constructionNote')}</p>}
      {view.doors.length > 0 && (
        <ul>
          {view.doors.map((d) => (
            <li key={d.label}>{d.need === null ? d.label : t('wall.need', { door: d.label, count: d.need })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

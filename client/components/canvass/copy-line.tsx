import { useTranslation } from 'react-i18next';
import type { WithCopy } from '../../canvass/use-offline-copy.ts';
import { dayTimeLabel } from '../../i18n/format-when.ts';

/** Above what the phone shows from its own copy: that it is a copy, and when it left the server. */
export function CopyLine({ shown }: { shown: WithCopy<unknown> }) {
  const { t, i18n } = useTranslation();
  if (!shown.fromCopy || shown.fetchedAt === null) return null;
  return (
    <p className="copy-line" role="status" data-testid="copy-line">
      {t('canvass.fromCopy', { when: dayTimeLabel(new Date(shown.fetchedAt).toISOString(), i18n.language) })}
    </p>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SlideMeta {
  estateName: string;
  /** Shanghai date the figures stand at, YYYY-MM-DD. */
  asOf: string;
  n: number;
  count: number;
  schematic: boolean;
}

/** Formats a YYYY-MM-DD date for a slide: 2026年10月8日 / 8 Oct 2026. */
export function slideDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A slide's frame: its title large, the estate and date, the page number; the body fills the rest. */
export function SlideFrame({ meta, title, className, children }: { meta: SlideMeta; title: string; className: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <article className={`slide ${className}`}>
      <header>
        <h2>{title}</h2>
        <p>
          {meta.estateName} · {t('present.asOf', { date: slideDate(meta.asOf, i18n.language) })}
        </p>
      </header>
      <div className="slide-body">{children}</div>
      <footer>
        <span>{meta.schematic ? `示意 · ${t('app.schematic')}` : ''}</span>
        <span data-testid="slide-number">{t('present.slideOf', { n: meta.n, count: meta.count })}</span>
      </footer>
    </article>
  );
}

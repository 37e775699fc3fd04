import { useTranslation } from 'react-i18next';

/**
 * The moment a stairwell meets the rule on signed votes (已达标, waiting for
 * staff) or staff confirm its consultation (征询通过): its door number, large,
 * over the map, with the word that says which.
 */
export function PassedBanner({ door, word }: { door: string; word: 'ruleMet' | 'confirmed' }) {
  const { t } = useTranslation();
  return (
    <div className="passed-banner" role="status" data-testid="passed-banner" data-word={word}>
      {t(word === 'ruleMet' ? 'live.ruleMet' : 'live.confirmed', { door })}
    </div>
  );
}

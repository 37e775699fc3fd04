import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../geo/stages/index.ts';

/**
 * What stands between a stairwell and its confirmation, or what is wrong with one confirmed: its written votes not
 * verified. Said beside the step, before anyone tries to confirm.
 */
export function UnverifiedNote({ stairwell: s }: { stairwell: { stage: Stage; ruleMet: boolean; unverifiedVotes: number } }) {
  const { t } = useTranslation();
  if (s.unverifiedVotes === 0) return null;
  const confirmed = s.stage !== 'canvassing' && s.stage !== 'suspended';
  if (!confirmed && !s.ruleMet) return null;
  return (
    <small className={`unverified-note${confirmed ? ' after' : ''}`} data-testid="unverified-note">
      {t(confirmed ? 'pipeline.unverifiedAfter' : 'pipeline.unverifiedBefore', { count: s.unverifiedVotes })}
    </small>
  );
}

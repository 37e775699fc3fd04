import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../papers/qr-code.tsx';
import { useTRPC } from '../../trpc.ts';

/**
 * 手机接入: how canvassers' phones reach this server. The address (the
 * public one when set), a code to open canvassing, and on a LAN with the
 * committee's own authority the code to install it with the steps for
 * Android and iOS and its fingerprint to compare.
 */
export function PhonesPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const site = useQuery(trpc.admin.site.queryOptions());
  if (!site.data) return null;
  const { publicUrl, https, localCa } = site.data;
  const base = publicUrl ?? location.origin;
  return (
    <section className="staff-card phones-panel" data-testid="phones-panel">
      <h2>{t('phones.title')}</h2>
      <p>
        {t('phones.address', { url: base })} {!publicUrl && <span className="hint">{t('phones.fromPage')}</span>}
      </p>
      {!https && !base.startsWith('https:') && (
        <p role="alert" className="phones-warning">
          {t('phones.notHttps')}
        </p>
      )}
      <div className="phones-codes">
        <QrCode url={`${base}/canvass`} size="30mm" label={t('phones.openApp')} />
        {localCa && <QrCode url={`${base}/ca.crt`} size="30mm" label={t('phones.caScan')} />}
      </div>
      {localCa ? (
        <>
          <h3>{t('phones.caTitle')}</h3>
          <ol className="phones-steps">
            <li>{t('phones.android')}</li>
            <li>{t('phones.ios')}</li>
            <li>{t('phones.after')}</li>
          </ol>
          <p className="hint">
            {t('phones.fingerprint')} <code className="fingerprint">{localCa.fingerprint}</code>
          </p>
          <p className="hint">{t('phones.validUntil', { day: localCa.notAfter.slice(0, 10) })}</p>
        </>
      ) : (
        https && <p className="hint">{t('phones.ownCertificate')}</p>
      )}
    </section>
  );
}

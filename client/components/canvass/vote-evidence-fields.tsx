import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METHOD_NEEDS, PHONE_METHODS, type PhoneMethod } from '../../../geo/evidence/index.ts';
import { compressPhoto } from '../../files/compress-photo.ts';
import { useProblemText } from '../../hooks/use-problem-text.ts';
import { SignatureBox, type DrawnSignature } from './signature-box.tsx';

/** The evidence being taken on the phone; `later` records the vote now as 待补证. */
export interface EvidenceDraft {
  method: PhoneMethod | 'later';
  signature: DrawnSignature;
  photo: { base64: string; bytes: number } | null;
}

export const EMPTY_EVIDENCE: EvidenceDraft = { method: 'signature', signature: { base64: null, problem: null }, photo: null };

/** What keeps a draft from being saved with its evidence, as an i18n key, or null when it is complete. */
export function missingEvidence(d: EvidenceDraft): 'evidence.needSignature' | 'evidence.badSignature' | 'evidence.needPhoto' | null {
  if (d.method === 'later') return null;
  const needs = METHOD_NEEDS[d.method];
  if (needs.signature && !d.signature.base64) return 'evidence.needSignature';
  if (needs.signature && d.signature.problem) return 'evidence.badSignature';
  if (needs.photo && !d.photo) return 'evidence.needPhoto';
  return null;
}

/**
 * A written vote's evidence on the phone: the consent text for this flat,
 * then how it is taken (the voter signs here, a photo of the signed paper
 * form, or a proxy signs with a photo of the 委托书), or later (待补证).
 */
export function VoteEvidenceFields({ consentText, draft, onChange }: { consentText: string; draft: EvidenceDraft; onChange: (d: EvidenceDraft) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [photoError, setPhotoError] = useState<string | null>(null);
  const needs = draft.method === 'later' ? { signature: false, photo: false } : METHOD_NEEDS[draft.method];
  return (
    <fieldset className="vote-evidence" data-testid="vote-evidence">
      <legend>{t('evidence.title')}</legend>
      <p className="consent-text" data-testid="consent-text">
        {consentText}
      </p>
      {[...PHONE_METHODS, 'later' as const].map((m) => (
        <label key={m} className="chip">
          <input type="radio" name="evidenceMethod" value={m} checked={draft.method === m} onChange={() => onChange({ ...draft, method: m, signature: EMPTY_EVIDENCE.signature })} /> {t(`evidence.methods.${m}`)}
        </label>
      ))}
      {needs.signature && (
        <>
          {draft.method === 'proxy' && <p className="hint">{t('evidence.proxyHint')}</p>}
          {/* Remounted (and emptied) per method, so a proxy's signature is never the voter's. */}
          <SignatureBox key={draft.method} onChange={(signature) => onChange({ ...draft, signature })} />
          {draft.signature.problem && (
            <p className="evidence-problem" role="alert">
              {problemText(draft.signature.problem)}
            </p>
          )}
        </>
      )}
      {needs.photo && (
        <label className="photo-input">
          {t(draft.method === 'proxy' ? 'evidence.photoProxy' : 'evidence.photoForm')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            data-testid="evidence-photo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setPhotoError(null);
              compressPhoto(file).then(
                (photo) => onChange({ ...draft, photo }),
                () => setPhotoError(t('evidence.photoUnreadable')),
              );
            }}
          />
        </label>
      )}
      {needs.photo && draft.photo && (
        <p className="photo-ready" data-testid="photo-ready">
          <img src={`data:image/jpeg;base64,${draft.photo.base64}`} alt={t('evidence.photoTaken')} />
          {t('evidence.photoSize', { kb: Math.round(draft.photo.bytes / 1024) })}
        </p>
      )}
      {photoError && (
        <p className="evidence-problem" role="alert">
          {photoError}
        </p>
      )}
      {draft.method === 'later' && <p className="hint">{t('evidence.laterHint')}</p>}
    </fieldset>
  );
}

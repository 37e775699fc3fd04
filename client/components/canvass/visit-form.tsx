import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../../geo/consent/index.ts';
import { isFormal, type FormalStatus } from '../../../geo/evidence/index.ts';
import { STATUS_PALETTE } from '../../../geo/palette/index.ts';
import { COMPENSATIONS, CONCERN_TAGS, VISIT_OUTCOMES, WHAT_WORKED, WHAT_WORKED_ZH, type Compensation, type ConcernTag, type VisitOutcome, type WhatWorked } from '../../../geo/register/index.ts';
import { EMPTY_EVIDENCE, missingEvidence, VoteEvidenceFields, type EvidenceDraft } from './vote-evidence-fields.tsx';
import type { StairwellRegister, VisitInput } from '../../wire.ts';

type Flat = StairwellRegister['register'][number];

function position(): Promise<{ lat: number; lng: number } | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(undefined),
      { timeout: 5000, maximumAge: 60_000 },
    ),
  );
}

/**
 * One tap on a flat opens this: who lives there, what they would pay, and the
 * visit to record; a written vote (agree, oppose, abstain) asks for its
 * evidence under the consent text `consentFor` gives.
 */
export function VisitForm({
  door,
  flat,
  answers,
  consentFor,
  onSave,
  onClose,
}: {
  door: string;
  flat: Flat;
  answers: StairwellRegister['answers'];
  consentFor: (vote: FormalStatus, at: Date) => string;
  onSave: (input: VisitInput) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<VisitOutcome>('talked');
  const [status, setStatus] = useState<HouseholdStatus>(flat.status);
  const [concerns, setConcerns] = useState<ConcernTag[]>(flat.concerns);
  const [note, setNote] = useState(flat.note ?? '');
  const [nextVisitOn, setNext] = useState(flat.nextVisitOn ?? '');
  const [compensation, setCompensation] = useState<Compensation[]>(flat.compensation as Compensation[]);
  const [share, setShare] = useState(false);
  const [worked, setWorked] = useState<WhatWorked[]>([]);
  const [workedNote, setWorkedNote] = useState('');
  // 因户施策: a household that signs now says what finally worked.
  const flipsToSigned = status === 'signed' && flat.status !== 'signed';
  const [evidence, setEvidence] = useState<EvidenceDraft>(EMPTY_EVIDENCE);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  // A written vote without evidence yet (or a new one) asks for it; one already on record does not.
  const hasWritten = flat.evidence === 'pending' || flat.evidence === 'verified';
  const asksEvidence = isFormal(status) && !(hasWritten && status === flat.status);
  const changesWritten = hasWritten && status !== flat.status;
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const money = (n: number) => n.toLocaleString('en-US');
  return (
    <form
      className="visit-form"
      data-testid="visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const missing = asksEvidence ? missingEvidence(evidence) : null;
        if (missing) {
          setEvidenceError(t(missing));
          return;
        }
        const recordedAt = new Date();
        const written =
          asksEvidence && isFormal(status) && evidence.method !== 'later'
            ? {
                clientId: crypto.randomUUID(),
                method: evidence.method,
                consentText: consentFor(status, recordedAt),
                signaturePng: evidence.method !== 'form_photo' ? (evidence.signature.base64 ?? undefined) : undefined,
                photo: evidence.method !== 'signature' ? evidence.photo?.base64 : undefined,
              }
            : undefined;
        void (share ? position() : Promise.resolve(undefined)).then((pos) =>
          onSave({
            flatId: flat.id,
            expectedVersion: flat.version,
            clientId: crypto.randomUUID(),
            recordedAt: recordedAt.toISOString(),
            outcome,
            status,
            concerns,
            note: note.trim() || undefined,
            nextVisitOn: nextVisitOn || undefined,
            compensation,
            ...(flipsToSigned && (worked.length || workedNote.trim()) ? { whatWorked: worked, whatWorkedNote: workedNote.trim() || undefined } : {}),
            position: pos,
            evidence: written,
          }),
        );
      }}
    >
      <header>
        <h3>
          {door} · {t('canvass.visit', { room: flat.room })}
        </h3>
        <button type="button" onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <p className="resident">
        {t('canvass.resident', { name: flat.voterName ?? '—', residents: flat.residents, a60: flat.aged60to79, a80: flat.aged80plus })}
        {flat.phone && (
          <>
            {' '}
            <a className="tel" href={`tel:${flat.phone.replace(/[^\d+]/g, '')}`} aria-label={t('canvass.call', { phone: flat.phone })}>
              ☎ {flat.phone}
            </a>
          </>
        )}
      </p>
      {flat.cost && (
        <p className="cost" data-testid="cost">
          {t('canvass.cost', {
            lift: money(flat.cost.liftCostYuan),
            subsidy: money(flat.cost.subsidyYuan),
            owners: money(flat.cost.ownersPayYuan),
            flat: money(flat.cost.flatPaysYuan),
            share: `${(flat.cost.share * 100).toFixed(1)}%`,
          })}
        </p>
      )}
      <fieldset>
        <legend>{t('canvass.outcome')}</legend>
        {VISIT_OUTCOMES.map((o) => (
          <label key={o} className="chip">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {t(`canvass.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('canvass.status')}</legend>
        {HOUSEHOLD_STATUSES.map((s) => (
          <label key={s} className="chip" style={{ borderColor: STATUS_PALETTE[s].color }}>
            <input type="radio" name="status" value={s} checked={status === s} onChange={() => setStatus(s)} /> {i18n.language === 'en' ? STATUS_PALETTE[s].en : STATUS_PALETTE[s].zh}
          </label>
        ))}
      </fieldset>
      {flat.evidenceReturned !== null && (
        <p className="evidence-returned" role="alert">
          {t('evidence.returned', { reason: flat.evidenceReturned })}
        </p>
      )}
      {changesWritten && (
        <p className="evidence-returned" role="alert">
          {t('evidence.changeNeedsReturn')}
        </p>
      )}
      {hasWritten && !changesWritten && isFormal(status) && <p className="hint">{t(`evidence.onRecord.${flat.evidence as 'pending' | 'verified'}`)}</p>}
      {asksEvidence && isFormal(status) && (
        <VoteEvidenceFields
          consentText={consentFor(status, new Date())}
          draft={evidence}
          onChange={(d) => {
            setEvidence(d);
            setEvidenceError(null);
          }}
        />
      )}
      {evidenceError && (
        <p className="evidence-problem" role="alert" data-testid="evidence-error">
          {evidenceError}
        </p>
      )}
      <fieldset>
        <legend>{t('canvass.concerns')}</legend>
        {CONCERN_TAGS.map((c) => (
          <label key={c} className="chip">
            <input type="checkbox" name="concern" value={c} checked={concerns.includes(c)} onChange={() => setConcerns(toggle(concerns, c))} /> {t(`canvass.concernTags.${c}`)}
          </label>
        ))}
        {concerns.map((c) => {
          const a = answers.find((x) => x.tag === c);
          return a ? (
            <p key={c} className="answer">
              <strong>
                {t('canvass.answer')} · {t(`canvass.concernTags.${c}`)}
              </strong>
              {/* The heading stands on its own line: the answer follows without a colon. */}
              {i18n.language === 'en' ? a.answerEn : a.answerZh}
            </p>
          ) : null;
        })}
      </fieldset>
      {flipsToSigned && (
        <fieldset data-testid="what-worked">
          <legend>{t('canvass.whatWorked')}</legend>
          {WHAT_WORKED.map((w) => (
            <label key={w} className="chip">
              <input type="checkbox" name="whatWorked" value={w} checked={worked.includes(w)} onChange={() => setWorked(toggle(worked, w))} /> {i18n.language === 'en' ? w.replace(/_/g, ' ') : WHAT_WORKED_ZH[w]}
            </label>
          ))}
          <input name="whatWorkedNote" maxLength={200} placeholder={t('canvass.whatWorkedNote')} value={workedNote} onChange={(e) => setWorkedNote(e.target.value)} />
        </fieldset>
      )}
      <fieldset>
        <legend>{t('canvass.compensation')}</legend>
        {COMPENSATIONS.map((c) => (
          <label key={c} className="chip">
            <input type="checkbox" name="compensation" value={c} checked={compensation.includes(c)} onChange={() => setCompensation(toggle(compensation, c))} /> {t(`canvass.compensations.${c}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('canvass.note')}
        <textarea name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        {t('canvass.nextVisit')}
        <input type="date" name="nextVisitOn" value={nextVisitOn} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label className="chip">
        <input type="checkbox" name="shareLocation" checked={share} onChange={() => setShare(!share)} /> {t('canvass.shareLocation')}
      </label>
      <button type="submit" className="primary">
        {t('canvass.save')}
      </button>
    </form>
  );
}

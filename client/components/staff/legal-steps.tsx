import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_EN, LEGAL_KINDS, LEGAL_STEP, LEGAL_ZH, stageIndex, type LegalKind } from '../../../geo/stages/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';
import type { PipelineStairwell } from '../../wire.ts';

/**
 * 法定手续: the dated documents the law puts between stages (the post checked, the bureau's reply to objections,
 * 施工告知, 监督检验, the technical file, 使用登记), listed with their numbers, and a form for the ones the stairwell
 * may record now. The bureau's reply answers each objection received.
 */
export function LegalSteps({ stairwell: s, today }: { stairwell: PipelineStairwell; today: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const label = (k: LegalKind) => (i18n.language === 'en' ? LEGAL_EN[k] : LEGAL_ZH[k]);
  const at = s.stage === 'suspended' ? (s.resumeStage ?? 'canvassing') : s.stage;
  const recorded = new Set(s.legal.map((r) => r.kind));
  const open = LEGAL_KINDS.filter((k) => !recorded.has(k) && stageIndex(at) >= stageIndex(LEGAL_STEP[k].from) && (k !== 'bureau_reply' || s.objections.length > 0) && (at === 'public_notice' || (k !== 'post_checked' && k !== 'bureau_reply')));
  const [kind, setKind] = useState<LegalKind | ''>('');
  const chosen = kind && open.includes(kind) ? kind : (open[0] ?? '');
  const [on, setOn] = useState(today);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [why, setWhy] = useState('');
  const add = useMutation(trpc.stages.recordLegal.mutationOptions());
  const withdraw = useMutation(trpc.stages.withdrawLegal.mutationOptions());
  const step = chosen ? LEGAL_STEP[chosen] : null;
  return (
    <section className="legal-steps" data-testid="legal-steps">
      <h4>{t('legal.title')}</h4>
      {s.legal.length === 0 ? (
        <p className="hint">{t('legal.none')}</p>
      ) : (
        <ul>
          {s.legal.map((r) => (
            <li key={r.id} data-kind={r.kind}>
              <b>{label(r.kind)}</b> {r.on}
              {r.reference ? ` · ${r.reference}` : ''}
              {r.note ? ` · ${r.note}` : ''}{' '}
              <button type="button" className="link" disabled={withdraw.isPending || why.trim().length < 2} onClick={() => withdraw.mutate({ recordId: r.id, reason: why.trim() }, { onSuccess: () => setWhy('') })}>
                {t('legal.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {s.legal.length > 0 && (
        <label>
          {t('legal.withdrawReason')}
          <input name="legalWithdrawReason" maxLength={200} value={why} onChange={(e) => setWhy(e.target.value)} />
        </label>
      )}
      {withdraw.error && <p role="alert">{refusalText(withdraw.error)}</p>}
      {chosen && step && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              {
                stairwellId: s.id,
                kind: chosen,
                on,
                reference: reference.trim() || undefined,
                note: note.trim() || undefined,
                ...(chosen === 'bureau_reply' ? { answers: s.objections.map((o) => ({ objectionId: o.id, answer: (answers[o.id] ?? '').trim() })) } : {}),
              },
              { onSuccess: () => (setReference(''), setNote(''), setAnswers({}), setKind('')) },
            );
          }}
        >
          <label>
            {t('legal.kind')}
            <select name="legalKind" value={chosen} onChange={(e) => setKind(e.target.value as LegalKind)}>
              {open.map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('legal.on')}
            <input type="date" name="legalOn" required value={on} onChange={(e) => setOn(e.target.value)} />
          </label>
          {step.referenceZh && (
            <label>
              {i18n.language === 'en' ? step.referenceEn : step.referenceZh}
              <input name="legalReference" required maxLength={60} value={reference} onChange={(e) => setReference(e.target.value)} />
            </label>
          )}
          {chosen === 'bureau_reply' &&
            s.objections.map((o) => (
              <label key={o.id}>
                {t('legal.answerTo', { from: o.room !== null ? t('legal.fromRoom', { room: o.room }) : o.fromAddress, content: o.content })}
                <input name="legalAnswer" required maxLength={300} value={answers[o.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [o.id]: e.target.value })} />
              </label>
            ))}
          <label>
            {t('legal.note')}
            <input name="legalNote" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={add.isPending}>
            {t('legal.record', { kind: label(chosen) })}
          </button>
          {add.data && <p role="status">{t('legal.recorded', { kind: label(add.data.kind), on: add.data.on })}</p>}
          {add.error && <p role="alert">{refusalText(add.error)}</p>}
        </form>
      )}
    </section>
  );
}

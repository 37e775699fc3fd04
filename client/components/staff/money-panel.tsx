import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFromText, MONEY_KINDS, MONEY_ZH, SPLIT_METHODS, SPLIT_ZH, yuan, type MoneyKind, type SplitMethod } from '../../../geo/cost/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';
import type { StairwellMoney } from '../../wire.ts';
import { StairwellSelect } from './stairwell-select.tsx';

/**
 * 出资与缴款: a stairwell's agreed split, each flat's line (due, the subsidy it advances, paid, of which 公积金,
 * hardship, outstanding or owed back), recording payments, and the subsidy after acceptance. Staff only; amounts are
 * typed in yuan and kept in fen.
 */
export function MoneyPanel({ stairwells }: { stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [id, setId] = useState<number | null>(null);
  const money = useQuery({ ...trpc.money.ofStairwell.queryOptions({ stairwellId: id ?? 1 }), enabled: id !== null });
  const m = id !== null ? money.data : undefined;
  return (
    <section className="staff-card money-panel" data-testid="money-panel">
      <h2>{t('money.title')}</h2>
      <label>
        {t('staff.stairwell')} <StairwellSelect name="moneyStairwell" stairwells={stairwells} value={id} onChange={setId} none />
      </label>
      {m && <AgreementForm m={m} />}
      {m?.ledger && <LedgerTable m={m} />}
      {m?.ledger && <EntryForm m={m} />}
      {m?.ledger && <SubsidyForm m={m} />}
    </section>
  );
}

function useSaved() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: trpc.money.ofStairwell.pathKey() });
}

function AgreementForm({ m }: { m: StairwellMoney }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useSaved();
  const agree = useMutation(trpc.money.agree.mutationOptions({ onSuccess: saved }));
  const a = m.agreement;
  const [method, setMethod] = useState<SplitMethod>(a?.method ?? 'floor_coefficients');
  const [on, setOn] = useState(a?.agreedOn ?? '');
  const [cost, setCost] = useState(a ? (a.liftCostFen / 100).toFixed(2) : '');
  const [coefficients, setCoefficients] = useState((a?.coefficients ?? [0, 10, 15, 20, 25, 30]).join(' '));
  const [custom, setCustom] = useState<Record<number, string>>(Object.fromEntries(Object.entries(a?.custom ?? {}).map(([k, v]) => [k, (v / 100).toFixed(2)])));
  return (
    <form
      className="money-agreement"
      onSubmit={(e) => {
        e.preventDefault();
        agree.mutate({
          stairwellId: m.stairwellId,
          method,
          agreedOn: on,
          liftCostFen: fenFromText(cost) ?? -1,
          ...(method === 'floor_coefficients' ? { coefficients: coefficients.split(/[\s,，/]+/).filter(Boolean).map(Number) } : {}),
          ...(method === 'custom' ? { custom: Object.fromEntries(m.flats.map((f) => [String(f.flatId), fenFromText(custom[f.flatId] ?? '') ?? -1])) } : {}),
        });
      }}
    >
      <p>{a ? t('money.agreed', { method: SPLIT_ZH[a.method], on: a.agreedOn, cost: yuan(a.liftCostFen) }) : t('money.noAgreement')}</p>
      <label>
        {t('money.method')}
        <select name="splitMethod" value={method} onChange={(e) => setMethod(e.target.value as SplitMethod)}>
          {SPLIT_METHODS.map((x) => (
            <option key={x} value={x}>
              {SPLIT_ZH[x]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('money.agreedOn')}
        <input type="date" name="agreedOn" required value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      <label>
        {t('money.liftCost')}
        <input name="liftCostYuan" inputMode="decimal" required value={cost} onChange={(e) => setCost(e.target.value)} />
      </label>
      {method === 'floor_coefficients' && (
        <label>
          {t('money.coefficients')}
          <input name="splitCoefficients" value={coefficients} onChange={(e) => setCoefficients(e.target.value)} />
        </label>
      )}
      {method === 'custom' && (
        <div className="money-custom">
          {m.flats.map((f) => (
            <label key={f.flatId}>
              {f.room}
              <input name={`custom-${f.room}`} inputMode="decimal" value={custom[f.flatId] ?? ''} onChange={(e) => setCustom({ ...custom, [f.flatId]: e.target.value })} />
            </label>
          ))}
        </div>
      )}
      <button type="submit" disabled={agree.isPending}>
        {a ? t('money.agreeAgain') : t('money.agree')}
      </button>
      {agree.error && <p role="alert">{refusalText(agree.error)}</p>}
    </form>
  );
}

function LedgerTable({ m }: { m: StairwellMoney }) {
  const { t } = useTranslation();
  const l = m.ledger!;
  return (
    <>
      <p data-testid="money-totals">
        {t('money.totals', { cost: yuan(l.liftCostFen), subsidy: yuan(l.subsidyExpectedFen), owners: yuan(l.ownersShareFen), paid: yuan(l.paidFen), outstanding: yuan(l.outstandingFen) })}
        {l.advancedFen > 0 && ` · ${t('money.advanced', { amount: yuan(l.advancedFen) })}`}
      </p>
      <div className="money-table">
        <table data-testid="money-ledger">
          <thead>
            <tr>
              <th>{t('money.room')}</th>
              <th>{t('money.due')}</th>
              <th>{t('money.advance')}</th>
              <th>{t('money.paid')}</th>
              <th>{t('money.fund')}</th>
              <th>{t('money.hardship')}</th>
              <th>{t('money.outstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {l.lines.map((x) => (
              <tr key={x.flatId} data-room={x.room}>
                <th scope="row">
                  {/* The household's A4 statement. */}
                  <a href={`/papers/${m.stairwellId}/statements#flat-${x.flatId}`} target="_blank" rel="noopener" title={t('money.statement')}>
                    {x.room}
                  </a>
                </th>
                <td>{yuan(x.dueFen)}</td>
                <td>{yuan(x.advanceFen)}</td>
                <td>{yuan(x.paidFen)}</td>
                <td>{x.providentFundFen ? yuan(x.providentFundFen) : '—'}</td>
                <td>{x.hardshipFen ? yuan(x.hardshipFen) : '—'}</td>
                <td className={x.outstandingFen > 0 ? 'owing' : undefined}>{x.refundFen > 0 ? t('money.refund', { amount: yuan(x.refundFen) }) : yuan(x.outstandingFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function EntryForm({ m }: { m: StairwellMoney }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useSaved();
  const add = useMutation(trpc.money.record.mutationOptions({ onSuccess: saved }));
  const [flatId, setFlatId] = useState(m.flats[0]?.flatId ?? 0);
  const [kind, setKind] = useState<MoneyKind>('payment');
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  return (
    <form
      className="money-entry"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ stairwellId: m.stairwellId, flatId, kind, amountFen: fenFromText(amount) ?? -1, on, note: note.trim() || undefined }, { onSuccess: () => (setAmount(''), setNote('')) });
      }}
    >
      <h3>{t('money.entry')}</h3>
      <label>
        {t('money.room')}
        <select name="moneyFlat" value={flatId} onChange={(e) => setFlatId(Number(e.target.value))}>
          {m.flats.map((f) => (
            <option key={f.flatId} value={f.flatId}>
              {f.room}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('money.kind')}
        <select name="moneyKind" value={kind} onChange={(e) => setKind(e.target.value as MoneyKind)}>
          {MONEY_KINDS.map((k) => (
            <option key={k} value={k}>
              {MONEY_ZH[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('money.amount')}
        <input name="moneyAmount" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label>
        {t('money.on')}
        <input type="date" name="moneyOn" required value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      <label>
        {kind === 'provident_fund' ? t('money.fundWho') : kind === 'hardship' ? t('money.hardshipWhy') : t('money.note')}
        <input name="moneyNote" maxLength={200} required={kind !== 'payment'} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={add.isPending}>
        {t('money.record')}
      </button>
      {add.data && <p role="status">{t('money.recorded', { room: add.data.room })}</p>}
      {add.error && <p role="alert">{refusalText(add.error)}</p>}
    </form>
  );
}

function SubsidyForm({ m }: { m: StairwellMoney }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useSaved();
  const save = useMutation(trpc.money.subsidy.mutationOptions({ onSuccess: saved }));
  const s = m.subsidy;
  const [appliedOn, setAppliedOn] = useState(s?.appliedOn ?? '');
  const [claimed, setClaimed] = useState(s ? (s.claimedFen / 100).toFixed(2) : (m.ledger!.subsidyExpectedFen / 100).toFixed(2));
  const [receivedOn, setReceivedOn] = useState(s?.receivedOn ?? '');
  const [received, setReceived] = useState(s?.receivedFen ? (s.receivedFen / 100).toFixed(2) : '');
  return (
    <form
      className="money-subsidy"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          stairwellId: m.stairwellId,
          appliedOn,
          claimedFen: fenFromText(claimed) ?? -1,
          ...(receivedOn || received ? { receivedOn: receivedOn || undefined, receivedFen: fenFromText(received) ?? -1 } : {}),
        });
      }}
    >
      <h3>{t('money.subsidy')}</h3>
      <p>{s ? t(s.receivedOn ? 'money.subsidyReceived' : 'money.subsidyClaimed', { applied: s.appliedOn, claimed: yuan(s.claimedFen), received: s.receivedOn, amount: yuan(s.receivedFen ?? 0) }) : t('money.subsidyNone')}</p>
      <label>
        {t('money.appliedOn')}
        <input type="date" name="subsidyApplied" required value={appliedOn} onChange={(e) => setAppliedOn(e.target.value)} />
      </label>
      <label>
        {t('money.claimed')}
        <input name="subsidyClaimed" inputMode="decimal" required value={claimed} onChange={(e) => setClaimed(e.target.value)} />
      </label>
      <label>
        {t('money.receivedOn')}
        <input type="date" name="subsidyReceivedOn" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </label>
      <label>
        {t('money.received')}
        <input name="subsidyReceived" inputMode="decimal" value={received} onChange={(e) => setReceived(e.target.value)} />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('money.saveSubsidy')}
      </button>
      {save.error && <p role="alert">{refusalText(save.error)}</p>}
    </form>
  );
}

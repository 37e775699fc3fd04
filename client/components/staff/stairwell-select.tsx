/** One of the estate's stairwells, chosen by door number; with `none`, an empty first choice (nothing chosen yet). */
export function StairwellSelect({ stairwells, value, onChange, name, none = false }: { stairwells: readonly { id: number; doorNumber: string }[]; value: number | null; onChange: (id: number | null) => void; name?: string; none?: boolean }) {
  return (
    <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      {none && <option value="">—</option>}
      {stairwells.map((s) => (
        <option key={s.id} value={s.id}>
          {s.doorNumber}
        </option>
      ))}
    </select>
  );
}

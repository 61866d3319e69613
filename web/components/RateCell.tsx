import { fixed, rateColour } from '@/lib/chem-format';

/** log10 k with a bar whose length and colour place it within the catalog's range. */
export function RateCell({ value, min, max }: { value: number | null | undefined; min: number; max: number }) {
  if (value == null) return <span className="hint">—</span>;
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return (
    <span className="rate-cell">
      {fixed(value)}
      <span className="rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(6, t * 100)}%`, background: rateColour(t) }} />
      </span>
    </span>
  );
}

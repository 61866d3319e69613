import { Fragment } from 'react';
import { chargeMark, formulaParts, scientific } from '@/lib/chem-format';

/** A formula with subscript counts and the charge as a superscript (from `charge`, not the name). */
export function Formula({ formula, charge }: { formula: string; charge?: number | null }) {
  const mark = charge == null ? '' : chargeMark(charge);
  return (
    <span className="formula">
      {formulaParts(formula).map((p, i) => (
        <Fragment key={i}>
          {p.element}
          {p.count ? <sub>{p.count}</sub> : null}
        </Fragment>
      ))}
      {mark ? <sup>{mark}</sup> : null}
    </span>
  );
}

/** k in cm³ molecule⁻¹ s⁻¹ as "5.90 × 10⁻¹²". */
export function Scientific({ value, digits = 2 }: { value: number | null | undefined; digits?: number | 'as-given' }) {
  if (value == null || !Number.isFinite(value)) return <span>—</span>;
  const { mantissa, exponent } = scientific(value, digits);
  return (
    <span className="sci">
      {mantissa} × 10<sup>{exponent}</sup>
    </span>
  );
}

export const RATE_UNIT = (
  <span className="unit">
    cm<sup>3</sup> molecule<sup>−1</sup> s<sup>−1</sup>
  </span>
);

/** Reaction efficiency φ: plain decimals down to 0.001, powers of ten below (never a misleading 0.000). */
export function Efficiency({ value }: { value: number | null | undefined }) {
  if (value == null || !Number.isFinite(value)) return <span className="hint">—</span>;
  if (value >= 1e-3) return <span>{value.toPrecision(3)}</span>;
  return <Scientific value={value} digits={1} />;
}

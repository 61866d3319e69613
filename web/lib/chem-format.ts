/** Display helpers for chemistry values; pure, shared by server and client components. */

const MINUS = '\u2212';

/** "−", "2−", "+", "" for neutral: the superscript after a formula. */
export function chargeMark(charge: number): string {
  if (charge === 0) return '';
  const sign = charge < 0 ? MINUS : '+';
  const magnitude = Math.abs(charge);
  return magnitude === 1 ? sign : `${magnitude}${sign}`;
}

const CHARGE_WORDS: Record<number, string> = { [-3]: 'trianion', [-2]: 'dianion', [-1]: 'anion', 0: 'neutral', 1: 'cation', 2: 'dication', 3: 'trication' };

export function chargeWord(charge: number): string {
  return CHARGE_WORDS[charge] ?? `charge ${signed(charge)}`;
}

/** Signed integer with a real minus sign: "−1", "+2", "0". */
export function signed(value: number): string {
  if (value === 0) return '0';
  return value < 0 ? `${MINUS}${Math.abs(value)}` : `+${value}`;
}

/** Fixed decimals with a typographic minus, or an em dash for missing values. */
export function fixed(value: number | null | undefined, digits = 2): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** Splits a number into mantissa and exponent for "5.9 × 10⁻¹²" rendering. */
export function scientific(value: number, digits: number | 'as-given' = 2): { mantissa: string; exponent: string } {
  // 'as-given': the shortest mantissa that reproduces the stored number, i.e. the digits the
  // source printed (the seed keeps k1 as published: 1.5e-10 has two significant figures).
  // Rounding to 12 digits first drops binary noise from values derived by 10^log10 (1.5000000000000005e-10).
  const [m, e] = (digits === 'as-given' ? Number(value.toPrecision(12)).toExponential() : value.toExponential(digits)).split('e');
  const exp = Number(e);
  return { mantissa: m.replace('-', MINUS), exponent: exp < 0 ? `${MINUS}${Math.abs(exp)}` : String(exp) };
}

export interface FormulaPart {
  element: string;
  count: string;
}

/** "Mo5S2" → [{Mo,5},{S,2}]; anything unexpected is kept as-is so nothing is silently dropped. */
export function formulaParts(formula: string): FormulaPart[] {
  const parts: FormulaPart[] = [];
  const re = /([A-Z][a-z]?)(\d*)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(formula)) !== null) {
    if (match.index !== consumed) parts.push({ element: formula.slice(consumed, match.index), count: '' });
    parts.push({ element: match[1], count: match[2] });
    consumed = re.lastIndex;
  }
  if (consumed < formula.length) parts.push({ element: formula.slice(consumed), count: '' });
  return parts;
}

/** Plain-text name for titles and labels: "Mo5S2⁻" is awkward in <title>, so "Mo5S2 anion". */
export function clusterTitle(formula: string, charge: number): string {
  return `${formula} ${chargeWord(charge)}`;
}

/**
 * Sequential colour for log10 k (viridis stops), so faster clusters read as brighter.
 * t is clamped to [0, 1].
 */
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
export function rateColour(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(VIRIDIS[i]);
  const b = hex(VIRIDIS[i + 1]);
  const mix = a.map((v, k) => Math.round(v + (b[k] - v) * f));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

function hex(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

/** Diverging colour for signed values (partial charges, attributions): blue < 0 < red. t in [-1, 1]. */
export function divergingColour(t: number): string {
  const x = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const white = [247, 247, 247];
  const end = x < 0 ? [33, 102, 172] : [178, 24, 43];
  const f = Math.abs(x);
  const c = white.map((w, i) => Math.round(w + (end[i] - w) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** "Mo2-5S*" → [{Mo,"2–5"},{S,"*"}]: a composition pattern as the search read it, counts for subscripts. */
export function patternParts(pattern: string): FormulaPart[] {
  const parts: FormulaPart[] = [];
  const re = /([A-Z][a-z]?)(\d+(?:-\d+)?|\?|\*)?/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(pattern)) !== null) {
    if (match.index !== consumed) parts.push({ element: pattern.slice(consumed, match.index), count: '' });
    parts.push({ element: match[1], count: (match[2] ?? '').replace('-', '–') });
    consumed = re.lastIndex;
  }
  if (consumed < pattern.length) parts.push({ element: pattern.slice(consumed), count: '' });
  return parts;
}

/** "26–50 of 216": the rows a page shows, 1-based, for a result heading. */
export function resultRange(offset: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${total}`;
  return `${offset + 1}–${offset + shown} of ${total}`;
}

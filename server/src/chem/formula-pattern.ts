import { elementBySymbol } from './elements';

/** How many atoms of one element a cluster may have; `max` null means unbounded. */
export interface ElementCountRange {
  element: string;
  min: number;
  max: number | null;
}

export interface FormulaPattern {
  /** One range per element named in the pattern, in pattern order. */
  ranges: ElementCountRange[];
  /** Elements not named in the pattern must be absent. */
  exclusive: true;
  /** Net charge written after the composition (`Mo5S2-`, `Mo5S2⁻`, `Mo5S2 anion`); null when none was written. */
  charge: number | null;
  /** The composition as understood, with capitalised symbols and no charge: "Mo5S2", "Mo2-5S*". */
  text: string;
  /** True when the symbols were read ignoring case (`mo5s2`), because as written they were not symbols. */
  caseCorrected: boolean;
}

export class FormulaPatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
    /** Complete inputs the user may have meant (only for case-ambiguous input such as `co`). */
    readonly alternatives: string[] = [],
  ) {
    super(message);
    this.name = 'FormulaPatternError';
  }
}

export const MAX_PATTERN_LENGTH = 64;
export const MAX_COUNT = 999;
const MAX_CHARGE = 9;
const MAX_ALTERNATIVES = 4;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const MINUS_SIGNS = '-−⁻';
const PLUS_SIGNS = '+⁺';
const CHARGE_WORDS: Record<string, number> = { anion: -1, cation: 1, neutral: 0 };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Parses a composition pattern, optionally followed by a charge.
 *
 *   Mo5S2    exactly Mo5 S2 (a missing count means 1)
 *   Mo2-5S2  Mo from 2 to 5 atoms
 *   Mo?S2    Mo any count ≥ 1 (Mo must be present)
 *   Ta3S*    S any count ≥ 0 (S optional)
 *
 * Charges, as chemists write ions: `Mo5S2-`, `Mo5S2+`, `Mo5S2⁻`, `Mo5S2²⁻`, `Mo5S2^-`, `Mo5S2^2-`,
 * `Mo5S2 2-`, `[Mo5S2]-`, `Mo5S2 anion` / `cation` / `neutral` and cluster ids (`Mo5S2-anion`).
 * A sign at the very end is always a charge, never the start of a count range.
 *
 * Case: symbols are first read as written (`CO` is carbon and oxygen). When that fails, the
 * letters are read ignoring case; a unique reading is accepted (`mo5s2` → Mo5S2), several
 * readings are an error that lists them (`co` → Co or CO), so nothing is guessed.
 *
 * Every step is a single pass or a bounded search over at most MAX_PATTERN_LENGTH characters.
 * Positions in errors are 1-based character positions in the input.
 */
export function parseFormulaPattern(input: string): FormulaPattern {
  if (input.length > MAX_PATTERN_LENGTH) {
    throw new FormulaPatternError(`${input.length} characters; the limit is ${MAX_PATTERN_LENGTH}`, MAX_PATTERN_LENGTH + 1);
  }
  const { bodyStart, bodyEnd, charge } = splitCharge(input);
  const body = input.slice(0, bodyEnd);
  let strictError: FormulaPatternError;
  try {
    return finish(parseBody(body.slice(bodyStart), bodyStart), charge, false);
  } catch (err) {
    if (!(err instanceof FormulaPatternError)) throw err;
    strictError = err;
  }
  const readings = caseInsensitiveReadings(body, bodyStart);
  if (readings.length === 0) throw strictError;
  if (readings.length > 1) {
    const suffix = input.slice(bodyEnd);
    const options = readings.map((r) => (bodyStart > 0 ? `[${r}]` : r) + suffix);
    throw new FormulaPatternError(
      `can be read as ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}; write the element symbols with capitals`,
      bodyStart + 1,
      options,
    );
  }
  return finish(parseBody(readings[0], bodyStart), charge, true);
}

function finish(ranges: ElementCountRange[], charge: number | null, caseCorrected: boolean): FormulaPattern {
  return { ranges, exclusive: true, charge, text: patternText(ranges), caseCorrected };
}

/** The canonical text of a pattern (no charge), e.g. "Mo2-5S*". */
export function patternText(ranges: ElementCountRange[]): string {
  return ranges
    .map(({ element, min, max }) => {
      if (max === null) return element + (min === 0 ? '*' : '?');
      if (min === max) return element + (min === 1 ? '' : String(min));
      return `${element}${min}-${max}`;
    })
    .join('');
}

/**
 * Finds a trailing charge and where the composition ends, scanning backwards once.
 * `bodyStart` is 1 when the composition is wrapped in brackets (`[Mo5S2]-`).
 */
function splitCharge(input: string): { bodyStart: number; bodyEnd: number; charge: number | null } {
  let end = input.length;
  while (end > 0 && isSpace(input[end - 1])) end--;
  let charge: number | null = null;

  // A word: "Mo5S2 anion", "Mo5S2-anion" (cluster ids), "mo5s2anion".
  let w = end;
  while (w > 0 && isLetter(input[w - 1]) && end - w < 8) w--;
  for (let s = w; s < end && charge === null; s++) {
    const word = input.slice(s, end).toLowerCase();
    if (word in CHARGE_WORDS) {
      charge = CHARGE_WORDS[word];
      end = s;
      if (end > 0 && (isSpace(input[end - 1]) || input[end - 1] === '-' || input[end - 1] === '_' || input[end - 1] === ',')) end--;
    }
  }

  if (charge === null) {
    const last = input[end - 1];
    const sign = last !== undefined && MINUS_SIGNS.includes(last) ? -1 : last !== undefined && PLUS_SIGNS.includes(last) ? 1 : 0;
    if (sign !== 0) {
      let p = end - 1;
      // Repeated signs ("--") count; superscript or caret-introduced digits give the magnitude.
      let repeats = 1;
      while (p > 0 && input[p - 1] === last) {
        p--;
        repeats++;
      }
      const digitsEnd = p;
      let q = p;
      while (q > 0 && SUPERSCRIPT_DIGITS.includes(input[q - 1])) q--;
      let magnitude = repeats;
      if (q < digitsEnd) {
        magnitude = Number([...input.slice(q, digitsEnd)].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join(''));
        p = q;
      } else {
        // Plain digits count as a magnitude only when set apart: "Mo5S2 2-", "Mo5S2^2-", "[Mo5S2]2-".
        while (q > 0 && isDigit(input[q - 1])) q--;
        const before = input[q - 1];
        if (q < digitsEnd && (isSpace(before) || before === '^' || before === ']' || before === ')')) {
          magnitude = Number(input.slice(q, digitsEnd));
          p = q;
        }
      }
      if (input[p - 1] === '^') p--;
      charge = sign * magnitude;
      end = p;
    } else if (end > 0 && input[end - 1] === '}') {
      // TeX style "^{2-}" has no trailing sign outside the braces; read it as written inside.
      const open = input.lastIndexOf('^{', end);
      if (open >= 0) {
        const inner = input.slice(open + 2, end - 1).trim();
        const m = /^(\d{0,2})([-+−])$|^([-+−])(\d{0,2})$/.exec(inner);
        if (m) {
          const signChar = m[2] ?? m[3];
          const digits = m[1] ?? m[4];
          charge = (signChar === '+' ? 1 : -1) * (digits ? Number(digits) : 1);
          end = open;
        }
      }
    }
  }
  if (charge !== null && Math.abs(charge) > MAX_CHARGE) {
    throw new FormulaPatternError(`charge ${charge} is outside −${MAX_CHARGE}…+${MAX_CHARGE}`, end + 1);
  }
  if (charge === 0) charge = 0; // "0-" would otherwise be −0
  while (end > 0 && isSpace(input[end - 1])) end--;

  let bodyStart = 0;
  let s = 0;
  while (s < end && isSpace(input[s])) s++;
  if (input[s] === '[' && input[end - 1] === ']') {
    bodyStart = s + 1;
    end--;
  }
  return { bodyStart, bodyEnd: end, charge };
}

/**
 * Every reading of `body` (from `from` on) in which each run of letters, case ignored, splits
 * into element symbols; at most MAX_ALTERNATIVES + 1 are built. A run's split points come from a
 * right-to-left reachability table, so the search never enters a dead end.
 */
function caseInsensitiveReadings(body: string, from: number): string[] {
  const text = body.slice(from);
  const n = text.length;
  const canFinish: boolean[] = new Array(n + 1).fill(false);
  const symbolAt = (i: number, len: number): string | null => {
    if (i + len > n) return null;
    const raw = text.slice(i, i + len);
    if (!/^[A-Za-z]+$/.test(raw)) return null;
    const symbol = raw[0].toUpperCase() + raw.slice(1).toLowerCase();
    return elementBySymbol(symbol) ? symbol : null;
  };
  canFinish[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    if (isLetter(text[i])) {
      canFinish[i] = (symbolAt(i, 1) !== null && canFinish[i + 1]) || (symbolAt(i, 2) !== null && canFinish[i + 2]);
    } else {
      canFinish[i] = canFinish[i + 1];
    }
  }
  if (!canFinish[0] || !/[A-Za-z]/.test(text)) return [];
  const readings: string[] = [];
  const walk = (i: number, acc: string) => {
    if (readings.length > MAX_ALTERNATIVES) return;
    if (i === n) {
      readings.push(acc);
      return;
    }
    if (!isLetter(text[i])) return walk(i + 1, acc + text[i]);
    for (const len of [2, 1]) {
      const symbol = symbolAt(i, len);
      if (symbol && canFinish[i + len]) walk(i + len, acc + symbol);
    }
  };
  walk(0, '');
  return readings;
}

/** Parses a composition without charge; `offset` is where it starts in the user's input, for positions. */
function parseBody(input: string, offset: number): ElementCountRange[] {
  const pos = (i: number) => i + 1 + offset;
  const ranges: ElementCountRange[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < input.length && isSpace(input[i])) i++;
  };
  const readInt = (): number | null => {
    const start = i;
    while (i < input.length && isDigit(input[i])) i++;
    if (i === start) return null;
    const n = Number(input.slice(start, i));
    if (n > MAX_COUNT) throw new FormulaPatternError(`count ${n} at position ${pos(start)} is larger than ${MAX_COUNT}`, pos(start));
    return n;
  };

  skipSpace();
  if (i >= input.length) throw new FormulaPatternError('is empty: it names no elements', pos(i));
  while (i < input.length) {
    const symbolStart = i;
    if (!/[A-Z]/.test(input[i])) {
      throw new FormulaPatternError(`expected an element symbol at position ${pos(i)}, found "${input[i]}"`, pos(i));
    }
    i++;
    if (i < input.length && /[a-z]/.test(input[i])) i++;
    const symbol = input.slice(symbolStart, i);
    if (!elementBySymbol(symbol)) {
      throw new FormulaPatternError(`unknown element "${symbol}" at position ${pos(symbolStart)}`, pos(symbolStart));
    }
    if (ranges.some((r) => r.element === symbol)) {
      throw new FormulaPatternError(`element ${symbol} appears twice (position ${pos(symbolStart)})`, pos(symbolStart));
    }
    let range: ElementCountRange;
    const countStart = i;
    if (input[i] === '?') {
      i++;
      range = { element: symbol, min: 1, max: null };
    } else if (input[i] === '*') {
      i++;
      range = { element: symbol, min: 0, max: null };
    } else {
      const lo = readInt();
      if (lo === null) {
        range = { element: symbol, min: 1, max: 1 };
      } else if (input[i] === '-' || input[i] === '–') {
        i++;
        const hi = readInt();
        if (hi === null) throw new FormulaPatternError(`expected the upper bound of a range at position ${pos(i)}`, pos(i));
        if (hi < lo) throw new FormulaPatternError(`range ${lo}-${hi} at position ${pos(countStart)} is empty`, pos(countStart));
        range = { element: symbol, min: lo, max: hi };
      } else {
        if (lo === 0) throw new FormulaPatternError(`count 0 at position ${pos(countStart)}: leave the element out, or use ${symbol}*`, pos(countStart));
        range = { element: symbol, min: lo, max: lo };
      }
    }
    ranges.push(range);
    skipSpace();
  }
  return ranges;
}

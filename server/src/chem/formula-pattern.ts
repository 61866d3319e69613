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
}

export class FormulaPatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FormulaPatternError';
  }
}

export const MAX_PATTERN_LENGTH = 64;
export const MAX_COUNT = 999;

/**
 * Parses a composition pattern.
 *
 *   Mo5S2    exactly Mo5 S2 (a missing count means 1)
 *   Mo2-5S2  Mo from 2 to 5 atoms
 *   Mo?S2    Mo any count ≥ 1 (Mo must be present)
 *   Ta3S*    S any count ≥ 0 (S optional)
 *
 * Elements not named are absent, so `Ta3S*` matches Ta3, Ta3S, Ta3S2 … but not Ta3S4C.
 * Positions in errors are 1-based character positions in the input.
 */
export function parseFormulaPattern(input: string): FormulaPattern {
  if (input.length > MAX_PATTERN_LENGTH) {
    throw new FormulaPatternError(`pattern is ${input.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`, MAX_PATTERN_LENGTH + 1);
  }
  const ranges: ElementCountRange[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < input.length && /\s/.test(input[i])) i++;
  };
  const readInt = (): number | null => {
    const start = i;
    while (i < input.length && /[0-9]/.test(input[i])) i++;
    if (i === start) return null;
    const n = Number(input.slice(start, i));
    if (n > MAX_COUNT) throw new FormulaPatternError(`count ${n} at position ${start + 1} is larger than ${MAX_COUNT}`, start + 1);
    return n;
  };

  skipSpace();
  if (i >= input.length) throw new FormulaPatternError('pattern is empty', 1);
  while (i < input.length) {
    const symbolStart = i;
    if (!/[A-Z]/.test(input[i])) {
      throw new FormulaPatternError(`expected an element symbol at position ${i + 1}, found "${input[i]}"`, i + 1);
    }
    i++;
    if (i < input.length && /[a-z]/.test(input[i])) i++;
    const symbol = input.slice(symbolStart, i);
    if (!elementBySymbol(symbol)) {
      throw new FormulaPatternError(`unknown element "${symbol}" at position ${symbolStart + 1}`, symbolStart + 1);
    }
    if (ranges.some((r) => r.element === symbol)) {
      throw new FormulaPatternError(`element ${symbol} appears twice (position ${symbolStart + 1})`, symbolStart + 1);
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
      } else if (input[i] === '-') {
        i++;
        const hi = readInt();
        if (hi === null) throw new FormulaPatternError(`expected the upper bound of a range at position ${i + 1}`, i + 1);
        if (hi < lo) throw new FormulaPatternError(`range ${lo}-${hi} at position ${countStart + 1} is empty`, countStart + 1);
        range = { element: symbol, min: lo, max: hi };
      } else {
        if (lo === 0) throw new FormulaPatternError(`count 0 at position ${countStart + 1}: leave the element out, or use ${symbol}*`, countStart + 1);
        range = { element: symbol, min: lo, max: lo };
      }
    }
    ranges.push(range);
    skipSpace();
  }
  return { ranges, exclusive: true };
}

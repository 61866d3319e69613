import { elementBySymbol, isMetal } from './elements';

/** One element of a cluster and how many atoms of it. */
export interface ElementCount {
  readonly element: string;
  readonly count: number;
}

/** Elements in the order they are written (the published order), each element once. */
export type Composition = readonly ElementCount[];

/**
 * A formula, published name or cluster id that cannot be read. `position` is 1-based (the
 * first character of the input is position 1), so it matches what a person counts.
 */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly input: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

// Large enough for any gas-phase cluster, small enough that a typo such as "C50" for "C5"
// in a 3-atom cluster still parses; the bound exists to reject absurd input, not typos.
const MAX_COUNT = 9999;

/**
 * Reads a formula such as "Rh1Co3H2", "Ta3S1C" or "Mo5S2". Counts of 1 may be written or not.
 * Every element must be a real element symbol (case-sensitive) and appear once.
 */
export function parseFormula(formula: string): ElementCount[] {
  if (typeof formula !== 'string' || formula.length === 0) {
    throw new FormulaError('empty formula', String(formula));
  }
  const composition: ElementCount[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < formula.length) {
    const start = i;
    const first = formula[i];
    if (!/[A-Z]/.test(first)) {
      const what = /[0-9]/.test(first) ? 'a count with no element before it' : 'an element symbol';
      throw new FormulaError(`unexpected character "${first}" at position ${start + 1} in "${formula}": expected ${what}`, formula, start + 1);
    }
    i += 1;
    while (i < formula.length && /[a-z]/.test(formula[i])) i += 1;
    const symbol = formula.slice(start, i);
    if (elementBySymbol(symbol) === undefined) {
      throw new FormulaError(`unknown element "${symbol}" at position ${start + 1} in "${formula}"`, formula, start + 1);
    }
    if (seen.has(symbol)) {
      throw new FormulaError(`element "${symbol}" appears twice (again at position ${start + 1}) in "${formula}"`, formula, start + 1);
    }
    seen.add(symbol);
    const digitsStart = i;
    while (i < formula.length && /[0-9]/.test(formula[i])) i += 1;
    const digits = formula.slice(digitsStart, i);
    let count = 1;
    if (digits.length > 0) {
      if (digits.startsWith('0')) {
        throw new FormulaError(
          `count "${digits}" for "${symbol}" at position ${digitsStart + 1} in "${formula}" must be a whole number from 1 without leading zeros`,
          formula,
          digitsStart + 1,
        );
      }
      count = Number(digits);
      if (count > MAX_COUNT) {
        throw new FormulaError(
          `count ${digits} for "${symbol}" at position ${digitsStart + 1} in "${formula}" is above the limit of ${MAX_COUNT}`,
          formula,
          digitsStart + 1,
        );
      }
    }
    composition.push({ element: symbol, count });
  }
  return composition;
}

/** Canonical text of a composition: the given element order, counts of 1 left out. */
export function formatFormula(composition: Composition): string {
  if (composition.length === 0) throw new FormulaError('empty composition', '');
  const seen = new Set<string>();
  return composition
    .map(({ element, count }, index) => {
      if (elementBySymbol(element) === undefined) {
        throw new FormulaError(`unknown element "${element}" at composition entry ${index}`, element);
      }
      if (seen.has(element)) {
        throw new FormulaError(`element "${element}" appears twice in the composition (entry ${index})`, element);
      }
      seen.add(element);
      if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
        throw new FormulaError(`count ${count} for "${element}" at composition entry ${index} must be a whole number from 1 to ${MAX_COUNT}`, element);
      }
      return count === 1 ? element : `${element}${count}`;
    })
    .join('');
}

/** The canonical form of any valid formula, e.g. "Rh1Co3H2" → "RhCo3H2". */
export function canonicalFormula(formula: string): string {
  return formatFormula(parseFormula(formula));
}

export interface PublishedNameCorrection {
  readonly corrected: string;
  readonly reason: string;
}

/**
 * Known typos in the authors' spreadsheets, keyed on the exact cell text. Each one is a
 * single named exception with its evidence; nothing here is a general rule (a trailing digit
 * is usually a real count).
 */
export const PUBLISHED_NAME_CORRECTIONS: ReadonlyMap<string, PublishedNameCorrection> = new Map([
  [
    'Fe3C41¯',
    {
      corrected: 'Fe3C4¯',
      reason:
        'homonuclear-159-24features.xlsx writes Fe3C41¯; the fold files name it Fe3C4-11-M10 and the 15/8-feature files Fe3C4ˉ with the same lg(k1), so the trailing 1 is the isomer id',
    },
  ],
  [
    'Fe3C50ˉ',
    {
      corrected: 'Fe3C5ˉ',
      reason: 'homonuclear-159-15/8features.xlsx; the 24-feature file (same row, same lg(k1)) and the fold files say Fe3C5',
    },
  ],
  [
    'Fe4C32ˉ',
    {
      corrected: 'Fe4C3ˉ',
      reason: 'homonuclear-159-15/8features.xlsx; the 24-feature file (same row, same lg(k1)) and the fold files say Fe4C3',
    },
  ],
  [
    'Fe4C52ˉ',
    {
      corrected: 'Fe4C5ˉ',
      reason: 'homonuclear-159-15/8features.xlsx; the 24-feature file (same row, same lg(k1)) and the fold files say Fe4C5',
    },
  ],
  [
    'Fe5C34ˉ',
    {
      corrected: 'Fe5C3ˉ',
      reason: 'homonuclear-159-15/8features.xlsx; the 24-feature file (same row, same lg(k1)) and the fold files say Fe5C3',
    },
  ],
]);

// U+00AF MACRON and U+02C9 MODIFIER LETTER MACRON are what the authors used for "anion";
// the others are accepted so people can type names naturally.
const NEGATIVE_MARKS = new Set(['¯', 'ˉ', '-', '⁻', '−']);
const POSITIVE_MARKS = new Set(['+', '⁺']);
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export interface PublishedName {
  /** The input, unchanged. */
  readonly publishedName: string;
  /** Canonical formula of the (corrected) name. */
  readonly formula: string;
  readonly composition: ElementCount[];
  readonly charge: number;
  /** Set when the name is one of PUBLISHED_NAME_CORRECTIONS. */
  readonly correction?: PublishedNameCorrection;
}

/**
 * Reads a cluster name as the authors print it: a formula followed by an optional charge
 * mark. No mark means neutral. A run of n identical marks means charge ±n; superscript digits
 * before a superscript sign ("²⁻") give the magnitude. Digits before an ASCII sign are not
 * read as a magnitude because "Mo5S22-" would be ambiguous.
 */
export function parsePublishedName(name: string): PublishedName {
  if (typeof name !== 'string' || name.length === 0) {
    throw new FormulaError('empty cluster name', String(name));
  }
  const correction = PUBLISHED_NAME_CORRECTIONS.get(name);
  const text = correction ? correction.corrected : name;

  let end = text.length;
  let sign = 0;
  let marks = 0;
  while (end > 0) {
    const ch = text[end - 1];
    const s = NEGATIVE_MARKS.has(ch) ? -1 : POSITIVE_MARKS.has(ch) ? 1 : 0;
    if (s === 0) break;
    if (sign !== 0 && s !== sign) {
      throw new FormulaError(`mixed charge signs at position ${end} in "${name}"`, name, end);
    }
    sign = s;
    marks += 1;
    end -= 1;
  }
  let magnitude = marks;
  if (marks > 0) {
    let digitsStart = end;
    while (digitsStart > 0 && SUPERSCRIPT_DIGITS.includes(text[digitsStart - 1])) digitsStart -= 1;
    if (digitsStart < end) {
      if (marks !== 1) {
        throw new FormulaError(`charge written both with superscript digits and repeated signs in "${name}"`, name, digitsStart + 1);
      }
      const digits = [...text.slice(digitsStart, end)].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join('');
      magnitude = Number(digits);
      if (magnitude === 0) {
        throw new FormulaError(`charge magnitude 0 written at position ${digitsStart + 1} in "${name}"`, name, digitsStart + 1);
      }
      end = digitsStart;
    }
  }
  const formulaText = text.slice(0, end);
  let composition: ElementCount[];
  try {
    composition = parseFormula(formulaText);
  } catch (error) {
    if (error instanceof FormulaError && !correction) {
      // Positions in the formula part are positions in the name too (the mark comes last).
      throw new FormulaError(error.message.replace(`"${formulaText}"`, `"${name}"`), name, error.position);
    }
    throw error;
  }
  return {
    publishedName: name,
    formula: formatFormula(composition),
    composition,
    charge: sign * magnitude,
    ...(correction ? { correction } : {}),
  };
}

const MULTIPLIERS = ['', 'di', 'tri', 'tetra', 'penta', 'hexa'];

/** "neutral", "anion", "dication", ... for charges -6..6. */
export function chargeWord(charge: number): string {
  if (!Number.isInteger(charge) || Math.abs(charge) >= MULTIPLIERS.length + 1) {
    throw new FormulaError(
      `charge ${charge} has no id word: supported charges are whole numbers from -${MULTIPLIERS.length} to ${MULTIPLIERS.length}`,
      String(charge),
    );
  }
  if (charge === 0) return 'neutral';
  return MULTIPLIERS[Math.abs(charge) - 1] + (charge < 0 ? 'anion' : 'cation');
}

function chargeFromWord(word: string): number | undefined {
  if (word === 'neutral') return 0;
  const match = /^([a-z]*)(anion|cation)$/.exec(word);
  if (!match) return undefined;
  const index = MULTIPLIERS.indexOf(match[1]);
  if (index < 0) return undefined;
  return (index + 1) * (match[2] === 'anion' ? -1 : 1);
}

/**
 * Stable, URL-safe id of a cluster: canonical formula + "-" + charge word, e.g.
 * clusterId("Mo5S2", -1) === "Mo5S2-anion", clusterId("Rh1Co3H2", -1) === "RhCo3H2-anion".
 */
export function clusterId(formula: string, charge: number): string {
  return `${canonicalFormula(formula)}-${chargeWord(charge)}`;
}

/** Inverse of clusterId. The formula part must already be canonical. */
export function parseClusterId(id: string): { formula: string; composition: ElementCount[]; charge: number } {
  const dash = typeof id === 'string' ? id.lastIndexOf('-') : -1;
  if (dash <= 0) {
    throw new FormulaError(`cluster id "${String(id)}" must look like <formula>-<charge word>, e.g. "Mo5S2-anion"`, String(id));
  }
  const formulaText = id.slice(0, dash);
  const word = id.slice(dash + 1);
  const charge = chargeFromWord(word);
  if (charge === undefined) {
    throw new FormulaError(
      `unknown charge word "${word}" at position ${dash + 2} in cluster id "${id}" (expected neutral, anion, cation, dianion, dication, ...)`,
      id,
      dash + 2,
    );
  }
  const composition = parseFormula(formulaText);
  const formula = formatFormula(composition);
  if (formula !== formulaText) {
    throw new FormulaError(`cluster id "${id}" has a non-canonical formula: expected "${formula}"`, id, 1);
  }
  return { formula, composition, charge };
}

export function chargeFromId(id: string): number {
  return parseClusterId(id).charge;
}

/** Sum of atomic numbers minus the charge. */
export function electronCount(composition: Composition, charge: number): number {
  let protons = 0;
  for (const { element, count } of composition) {
    const data = elementBySymbol(element);
    if (data === undefined) throw new FormulaError(`unknown element "${element}"`, element);
    protons += data.atomicNumber * count;
  }
  return protons - charge;
}

/**
 * A spin multiplicity 2S+1 is possible for a given electron count when the number of
 * unpaired electrons (multiplicity - 1) has the same parity as the electron count and does
 * not exceed it.
 */
export function isMultiplicityConsistent(composition: Composition, charge: number, multiplicity: number): boolean {
  if (!Number.isInteger(multiplicity) || multiplicity < 1) return false;
  const electrons = electronCount(composition, charge);
  const unpaired = multiplicity - 1;
  return electrons >= 0 && unpaired <= electrons && (electrons - unpaired) % 2 === 0;
}

/** Sum of standard atomic masses; electron mass is ignored (below 0.01 u per charge). */
export function compositionMassU(composition: Composition): number {
  let mass = 0;
  for (const { element, count } of composition) {
    const data = elementBySymbol(element);
    if (data === undefined) throw new FormulaError(`unknown element "${element}"`, element);
    mass += data.atomicMassU * count;
  }
  return mass;
}

/** The distinct metal elements of a composition in published order (metalloids are not metals). */
export function metalElements(composition: Composition): string[] {
  return composition.filter(({ element }) => isMetal(element)).map(({ element }) => element);
}

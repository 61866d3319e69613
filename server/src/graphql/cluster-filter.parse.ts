import { findReactant, REACTANTS } from '../chem/reactants';
import { elementBySymbol } from '../chem/elements';
import { FormulaPatternError, MAX_PATTERN_LENGTH, parseFormulaPattern, type FormulaPattern } from '../chem/formula-pattern';
import type { ClusterCriteria, NumberRange } from '../db/cluster-query';
import type { ClusterFilter } from './cluster-filter.input';
import { badInput, badInputMessage, checkLength, MAX_ID_LENGTH, quote } from './errors';

/** Longest list in a filter (ids, elements, charges…). */
export const MAX_FILTER_LIST = 100;
const MAX_COUNT = 999;

function checkElements(list: string[] | null | undefined, path: string): string[] | undefined {
  if (list == null) return undefined;
  if (list.length > MAX_FILTER_LIST) throw badInput(path, `at most ${MAX_FILTER_LIST} elements, got ${list.length}`);
  list.forEach((symbol, i) => {
    if (!elementBySymbol(symbol)) throw badInput(`${path}[${i}]`, `unknown element "${quote(symbol, 8)}"`);
  });
  return [...new Set(list)];
}

function checkRange(r: NumberRange | null | undefined, path: string, lo: number, hi: number): NumberRange | undefined {
  if (r == null) return undefined;
  for (const key of ['min', 'max'] as const) {
    const v = r[key];
    if (v != null && (!Number.isFinite(v) || v < lo || v > hi)) throw badInput(`${path}.${key}`, `must be between ${lo} and ${hi}, got ${v}`);
  }
  if (r.min != null && r.max != null && r.min > r.max) throw badInput(path, `min ${r.min} is greater than max ${r.max}`);
  return { min: r.min ?? null, max: r.max ?? null };
}

/**
 * Reads a composition pattern typed by a person. The error message speaks of what they typed
 * (capped in length, so hostile input is not echoed); `extensions.argument` still names the
 * argument path for programs.
 */
export function readComposition(text: string, argumentPath: string): FormulaPattern {
  try {
    return parseFormulaPattern(text);
  } catch (err) {
    if (!(err instanceof FormulaPatternError)) throw err;
    const shown = text.length <= MAX_PATTERN_LENGTH ? ` “${text.trim()}”` : '';
    const extra: Record<string, unknown> = { position: err.position };
    if (err.alternatives.length) extra.alternatives = err.alternatives;
    throw badInputMessage(argumentPath, `Composition${shown}: ${err.message}`, extra);
  }
}

/** Validates a GraphQL filter and turns it into repository criteria; errors name the input path. */
export function parseClusterFilter(filter: ClusterFilter | null | undefined, path = 'filter'): ClusterCriteria {
  if (!filter) return {};
  const criteria: ClusterCriteria = {};
  const elementCounts: NonNullable<ClusterCriteria['elementCounts']> = [];

  let patternCharge: number | null = null;
  if (filter.formula != null) {
    const pattern = readComposition(filter.formula, `${path}.formula`);
    elementCounts.push(...pattern.ranges);
    criteria.onlyElements = pattern.ranges.map((r) => r.element);
    patternCharge = pattern.charge;
  }
  if (filter.elementCounts && filter.elementCounts.length > MAX_FILTER_LIST) throw badInput(`${path}.elementCounts`, `at most ${MAX_FILTER_LIST} entries`);
  filter.elementCounts?.forEach((r, i) => {
    const at = `${path}.elementCounts[${i}]`;
    if (!elementBySymbol(r.element)) throw badInput(`${at}.element`, `unknown element "${quote(r.element, 8)}"`);
    const range = checkRange({ min: r.min ?? 1, max: r.max }, at, 0, MAX_COUNT)!;
    elementCounts.push({ element: r.element, min: range.min!, max: range.max ?? null });
  });
  if (elementCounts.length) criteria.elementCounts = elementCounts;

  const els = filter.elements;
  if (els) {
    criteria.allOfElements = checkElements(els.allOf, `${path}.elements.allOf`);
    criteria.anyOfElements = checkElements(els.anyOf, `${path}.elements.anyOf`);
    criteria.noneOfElements = checkElements(els.noneOf, `${path}.elements.noneOf`);
    const only = checkElements(els.only, `${path}.elements.only`);
    if (only) criteria.onlyElements = criteria.onlyElements ? criteria.onlyElements.filter((e) => only.includes(e)) : only;
  }
  if (filter.charges != null) {
    if (filter.charges.length > 20) throw badInput(`${path}.charges`, 'at most 20 charges');
    filter.charges.forEach((q, i) => {
      if (Math.abs(q) > 10) throw badInput(`${path}.charges[${i}]`, `must be between -10 and 10, got ${q}`);
    });
    criteria.charges = filter.charges;
  }
  // A charge written in the pattern ("Mo5S2-") narrows the charge filter; both must hold.
  if (patternCharge !== null) criteria.charges = criteria.charges ? criteria.charges.filter((q) => q === patternCharge) : [patternCharge];
  // `size` is the filter's public name for the number of atoms (atomCount inside).
  criteria.atomCount = checkRange(filter.size, `${path}.size`, 0, MAX_COUNT);
  criteria.metalAtomCount = checkRange(filter.metalAtomCount, `${path}.metalAtomCount`, 0, MAX_COUNT);
  criteria.log10K1 = checkRange(filter.log10K1, `${path}.log10K1`, -30, 0);
  if (filter.nuclearity) criteria.nuclearity = filter.nuclearity;
  if (filter.ids != null) {
    if (filter.ids.length > MAX_FILTER_LIST) throw badInput(`${path}.ids`, `at most ${MAX_FILTER_LIST} ids, got ${filter.ids.length}`);
    filter.ids.forEach((id, i) => checkLength(`${path}.ids[${i}]`, id, MAX_ID_LENGTH));
    criteria.ids = filter.ids;
  }
  if (filter.hasStructure != null) criteria.hasStructure = filter.hasStructure;
  if (filter.reactant != null) {
    const reactant = findReactant(filter.reactant.slice(0, 40));
    if (!reactant) throw badInput('filter.reactant', `"${quote(filter.reactant, 20)}" is not a known reactant; known: ${[...REACTANTS.keys()].join(', ')}`);
    criteria.reactant = reactant.formula;
  }
  return criteria;
}

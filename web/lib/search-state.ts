import type { ClusterFilter, ClusterOrder, ClusterOrderField, Nuclearity, SortDirection } from './api/generated/graphql';

/** Everything a catalog search is, as it sits in the URL (so a search can be shared). */
export interface SearchState {
  q: string;
  charges: number[];
  nuclearity: Nuclearity | null;
  elements: string[];
  /** "all": each chosen element occurs; "only": nothing outside the chosen set occurs. */
  elementMode: 'all' | 'only';
  atomCountMin: number | null;
  atomCountMax: number | null;
  kMin: number | null;
  kMax: number | null;
  structureOnly: boolean;
  sort: ClusterOrderField;
  dir: SortDirection;
  after: string | null;
  /** Cursors of the earlier pages, so "previous" needs no cursor arithmetic. */
  prev: string[];
}

export type RawParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 25;
const SORT_FIELDS: readonly ClusterOrderField[] = ['FORMULA', 'CHARGE', 'SIZE', 'METAL_ATOMS', 'LOG10K1', 'EFFICIENCY'];
const ELEMENT = /^[A-Z][a-z]?$/;

export const DEFAULT_STATE: SearchState = {
  q: '',
  charges: [],
  nuclearity: null,
  elements: [],
  elementMode: 'all',
  atomCountMin: null,
  atomCountMax: null,
  kMin: null,
  kMax: null,
  structureOnly: false,
  sort: 'FORMULA',
  dir: 'ASC',
  after: null,
  prev: [],
};

export interface ParsedSearch {
  state: SearchState;
  /** URL values that could not be used, named for the person who typed them. */
  problems: string[];
}

function all(raw: RawParams, key: string): string[] {
  const v = raw[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

function one(raw: RawParams, key: string): string | null {
  const v = raw[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? null : s.trim();
}

export function parseSearch(raw: RawParams): ParsedSearch {
  const problems: string[] = [];
  const num = (key: string, label: string, integer: boolean): number | null => {
    const s = one(raw, key);
    if (s === null) return null;
    const n = Number(s.replace('\u2212', '-'));
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      problems.push(`${label}: "${s}" is not ${integer ? 'a whole number' : 'a number'}`);
      return null;
    }
    return n;
  };
  const charges: number[] = [];
  for (const s of all(raw, 'charge')) {
    const n = Number(s.replace('\u2212', '-'));
    if (Number.isInteger(n)) charges.push(n);
    else problems.push(`Charge: "${s}" is not a whole number`);
  }
  const nuc = one(raw, 'nuc');
  let nuclearity: Nuclearity | null = null;
  if (nuc === 'homo') nuclearity = 'HOMONUCLEAR';
  else if (nuc === 'hetero') nuclearity = 'HETERONUCLEAR';
  else if (nuc !== null) problems.push(`Nuclearity: "${nuc}" is not homo or hetero`);
  const elements: string[] = [];
  for (const s of all(raw, 'el')) {
    if (ELEMENT.test(s)) elements.push(s);
    else problems.push(`Elements: "${s}" is not an element symbol`);
  }
  const sortRaw = (one(raw, 'sort') ?? 'FORMULA').toUpperCase();
  const sort = (SORT_FIELDS as readonly string[]).includes(sortRaw) ? (sortRaw as ClusterOrderField) : 'FORMULA';
  if (sort !== sortRaw) problems.push(`Sort: "${sortRaw}" is not one of ${SORT_FIELDS.join(', ')}`);
  const dir: SortDirection = one(raw, 'dir')?.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  return {
    state: {
      q: one(raw, 'q') ?? '',
      charges: [...new Set(charges)].sort((a, b) => a - b),
      nuclearity,
      elements: [...new Set(elements)].sort(),
      elementMode: one(raw, 'elmode') === 'only' ? 'only' : 'all',
      atomCountMin: num('smin', 'Atoms from', true),
      atomCountMax: num('smax', 'Atoms to', true),
      kMin: num('kmin', 'log10 k from', false),
      kMax: num('kmax', 'log10 k to', false),
      structureOnly: one(raw, 'structure') === '1',
      sort,
      dir,
      after: one(raw, 'after'),
      prev: all(raw, 'prev').map((c) => (c === '~' ? '' : c)),
    },
    problems,
  };
}

/** The API filter for a state; undefined when nothing is filtered. */
export function toFilter(s: SearchState): ClusterFilter | undefined {
  const f: ClusterFilter = {};
  if (s.q) f.formula = s.q;
  if (s.charges.length) f.charges = s.charges;
  if (s.nuclearity) f.nuclearity = s.nuclearity;
  if (s.elements.length) f.elements = s.elementMode === 'only' ? { only: s.elements } : { allOf: s.elements };
  // `size` is the public ClusterFilter's name for the number of atoms.
  if (s.atomCountMin !== null || s.atomCountMax !== null) f.size = { min: s.atomCountMin, max: s.atomCountMax };
  if (s.kMin !== null || s.kMax !== null) f.log10K1 = { min: s.kMin, max: s.kMax };
  if (s.structureOnly) f.hasStructure = true;
  return Object.keys(f).length ? f : undefined;
}

export function toOrder(s: SearchState): ClusterOrder {
  return { field: s.sort, direction: s.dir };
}

/**
 * The canonical query string for a state: defaults and empty values left out, so shared URLs
 * stay short and equal searches get equal URLs. Changing any filter drops the page cursors.
 */
export function toQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const c of s.charges) p.append('charge', String(c));
  if (s.nuclearity) p.set('nuc', s.nuclearity === 'HOMONUCLEAR' ? 'homo' : 'hetero');
  for (const e of s.elements) p.append('el', e);
  if (s.elements.length && s.elementMode === 'only') p.set('elmode', 'only');
  if (s.atomCountMin !== null) p.set('smin', String(s.atomCountMin));
  if (s.atomCountMax !== null) p.set('smax', String(s.atomCountMax));
  if (s.kMin !== null) p.set('kmin', String(s.kMin));
  if (s.kMax !== null) p.set('kmax', String(s.kMax));
  if (s.structureOnly) p.set('structure', '1');
  if (s.sort !== 'FORMULA') p.set('sort', s.sort.toLowerCase());
  if (s.dir !== 'ASC') p.set('dir', 'desc');
  if (s.after) p.set('after', s.after);
  // "~" stands for the first page (no cursor) inside the list of earlier pages.
  if (s.prev.length) p.set('prev', s.prev.map((c) => c || '~').join(','));
  const q = p.toString();
  return q ? `?${q}` : '';
}

export function nextPage(s: SearchState, endCursor: string): SearchState {
  return { ...s, after: endCursor, prev: [...s.prev, s.after ?? ''] };
}

export function previousPage(s: SearchState): SearchState {
  const prev = s.prev.slice(0, -1);
  const after = s.prev[s.prev.length - 1] || null;
  return { ...s, after, prev };
}

export function sortedBy(s: SearchState, field: ClusterOrderField): SearchState {
  const dir: SortDirection = s.sort === field && s.dir === 'ASC' ? 'DESC' : 'ASC';
  return { ...s, sort: field, dir, after: null, prev: [] };
}

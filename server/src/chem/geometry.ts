import { createHash } from 'node:crypto';
import { elementByAtomicNumber, elementBySymbol } from './elements';

export type Vec3 = [number, number, number];

export interface GeometryAtom {
  element: string;
  xyzAngstrom: Vec3;
}

export interface Bond {
  /** Atom indices, a < b. */
  a: number;
  b: number;
  lengthAngstrom: number;
}

/**
 * Bond rule: atoms i and j are bonded when d_ij ≤ BOND_TOLERANCE × (r_i + r_j), r = Pyykkö–Atsumi
 * single-bond covalent radius (elements.ts). 1.25 is looser than the 1.1–1.2 used for organic
 * molecules because metal–metal contacts in bare clusters are delocalised and typically
 * 5–15 % longer than the sum of single-bond radii (Mo–Mo 2.7–3.0 Å vs 2.76 Å); a tighter factor
 * splits compact clusters into spurious fragments.
 */
export const BOND_TOLERANCE = 1.25;

export function covalentRadiusAngstrom(element: string): number {
  const data = elementBySymbol(element);
  if (!data) throw new Error(`Unknown element symbol "${element}"`);
  return data.covalentRadiusAngstrom;
}

export function distanceAngstrom(p: readonly number[], q: readonly number[]): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Full symmetric matrix; n ≤ a few hundred in this project, so O(n²) memory is fine. */
export function distanceMatrixAngstrom(atoms: readonly GeometryAtom[]): number[][] {
  const n = atoms.length;
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      d[i][j] = d[j][i] = distanceAngstrom(atoms[i].xyzAngstrom, atoms[j].xyzAngstrom);
    }
  }
  return d;
}

export function bondThresholdAngstrom(elementA: string, elementB: string, tolerance = BOND_TOLERANCE): number {
  return tolerance * (covalentRadiusAngstrom(elementA) + covalentRadiusAngstrom(elementB));
}

/** Bonds by the distance rule (see BOND_TOLERANCE), sorted by (a, b). */
export function findBonds(atoms: readonly GeometryAtom[], tolerance = BOND_TOLERANCE): Bond[] {
  const radii = atoms.map((atom) => covalentRadiusAngstrom(atom.element));
  const bonds: Bond[] = [];
  for (let a = 0; a < atoms.length; a++) {
    for (let b = a + 1; b < atoms.length; b++) {
      const lengthAngstrom = distanceAngstrom(atoms[a].xyzAngstrom, atoms[b].xyzAngstrom);
      if (lengthAngstrom <= tolerance * (radii[a] + radii[b])) bonds.push({ a, b, lengthAngstrom });
    }
  }
  return bonds;
}

/** Connected components of the graph on atoms 0..atomCount-1; each sorted, ordered by first atom. */
export function connectedComponents(atomCount: number, bonds: ReadonlyArray<{ a: number; b: number }>): number[][] {
  const parent = Array.from({ length: atomCount }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const { a, b } of bonds) {
    if (a < 0 || b < 0 || a >= atomCount || b >= atomCount) throw new Error(`Bond ${a}-${b} refers to an atom outside 0..${atomCount - 1}`);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < atomCount; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

export function isConnected(atoms: readonly GeometryAtom[], tolerance = BOND_TOLERANCE): boolean {
  return connectedComponents(atoms.length, findBonds(atoms, tolerance)).length <= 1;
}

export interface Contact {
  a: number;
  b: number;
  distanceAngstrom: number;
  /** distance / (r_a + r_b): scale-free measure of how close two atoms are. */
  ratioToCovalentSum: number;
}

/** The closest pair by absolute distance, or null for fewer than two atoms. */
export function shortestContact(atoms: readonly GeometryAtom[]): Contact | null {
  return extremeContact(atoms, (c) => c.distanceAngstrom);
}

/** The pair closest relative to its covalent-radius sum, or null for fewer than two atoms. */
export function tightestContact(atoms: readonly GeometryAtom[]): Contact | null {
  return extremeContact(atoms, (c) => c.ratioToCovalentSum);
}

function extremeContact(atoms: readonly GeometryAtom[], key: (c: Contact) => number): Contact | null {
  let best: Contact | null = null;
  for (let a = 0; a < atoms.length; a++) {
    for (let b = a + 1; b < atoms.length; b++) {
      const d = distanceAngstrom(atoms[a].xyzAngstrom, atoms[b].xyzAngstrom);
      const contact = {
        a,
        b,
        distanceAngstrom: d,
        ratioToCovalentSum: d / (covalentRadiusAngstrom(atoms[a].element) + covalentRadiusAngstrom(atoms[b].element)),
      };
      if (best === null || key(contact) < key(best)) best = contact;
    }
  }
  return best;
}

/**
 * Canonical signature of the element-labelled bond graph (bond rule above), used to tell isomers
 * apart: Weisfeiler–Lehman colour refinement, starting from element symbols, refined n times
 * (n = atom count, enough for the partition to stabilise), then sha256 over the sorted multiset
 * of final colours together with the sorted element-pair bond multiset.
 *
 * Invariant under atom permutation and rigid motion by construction. Limits: two geometries with
 * the same bond graph (e.g. stretched vs compact versions, enantiomers) share a signature, and
 * WL cannot separate a few pairs of highly regular non-isomorphic graphs; for distinguishing
 * optimised cluster isomers this is the intended resolution.
 */
export function bondGraphSignature(atoms: readonly GeometryAtom[], tolerance = BOND_TOLERANCE): string {
  const bonds = findBonds(atoms, tolerance);
  const neighbours = atoms.map(() => [] as number[]);
  for (const { a, b } of bonds) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  let colours = atoms.map((atom) => atom.element);
  for (let round = 0; round < atoms.length; round++) {
    const next = colours.map((colour, i) =>
      shortHash(
        `${colour}(${neighbours[i]
          .map((j) => colours[j])
          .sort()
          .join(',')})`,
      ),
    );
    const stable = countDistinct(next) === countDistinct(colours);
    colours = next;
    if (stable && round > 0) break;
  }
  const pairs = bonds.map(({ a, b }) => [atoms[a].element, atoms[b].element].sort().join('-')).sort();
  return createHash('sha256')
    .update(`atoms:${[...colours].sort().join(',')};bonds:${pairs.join(',')}`)
    .digest('hex')
    .slice(0, 32);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function countDistinct(items: readonly string[]): number {
  return new Set(items).size;
}

/** Plain XYZ (count line, comment line, "El x y z" lines) with 8-decimal coordinates. */
export function toXyz(atoms: readonly GeometryAtom[], comment = ''): string {
  if (/[\r\n]/.test(comment)) throw new Error('XYZ comment must be a single line');
  const lines = atoms.map((atom) => `${atom.element.padEnd(2)} ${atom.xyzAngstrom.map(formatCoordinate).join(' ')}`);
  return `${atoms.length}\n${comment}\n${lines.join('\n')}\n`;
}

export interface ExtendedXyzColumn {
  /** Column name in the Properties= header, e.g. "charge". */
  name: string;
  /** One value per atom. */
  values: readonly number[];
}

/**
 * Extended XYZ (the ASE/OVITO convention): the comment line carries
 * `Properties=species:S:1:pos:R:3[:name:R:1 ...]` plus key=value pairs, and each atom line
 * carries the extra per-atom columns in the declared order.
 */
export function toExtendedXyz(
  atoms: readonly GeometryAtom[],
  info: Readonly<Record<string, string | number | boolean>> = {},
  columns: readonly ExtendedXyzColumn[] = [],
): string {
  for (const column of columns) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column.name)) throw new Error(`Extended XYZ column name "${column.name}" must be an identifier`);
    if (column.values.length !== atoms.length) {
      throw new Error(`Extended XYZ column "${column.name}" has ${column.values.length} values for ${atoms.length} atoms`);
    }
  }
  const properties = ['species:S:1', 'pos:R:3', ...columns.map((c) => `${c.name}:R:1`)].join(':');
  const pairs = Object.entries(info).map(([key, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`Extended XYZ key "${key}" must be an identifier`);
    const text = String(value);
    if (/[\r\n"]/.test(text)) throw new Error(`Extended XYZ value for "${key}" must not contain newlines or quotes`);
    return /\s|=/.test(text) || text === '' ? `${key}="${text}"` : `${key}=${text}`;
  });
  const header = [`Properties=${properties}`, ...pairs].join(' ');
  const lines = atoms.map((atom, i) =>
    [atom.element.padEnd(2), ...atom.xyzAngstrom.map(formatCoordinate), ...columns.map((c) => formatCoordinate(c.values[i]))].join(' '),
  );
  return `${atoms.length}\n${header}\n${lines.join('\n')}\n`;
}

function formatCoordinate(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write non-finite number ${value} to XYZ`);
  return value.toFixed(8).padStart(14);
}

export class XyzParseError extends Error {
  constructor(
    message: string,
    /** 1-based line number in the input. */
    readonly line: number,
  ) {
    super(`XYZ line ${line}: ${message}`);
    this.name = 'XyzParseError';
  }
}

/**
 * A decimal number. Every character has one way to be matched (digits after the point belong
 * to the optional fraction group only), so a backtracking engine runs it in linear time; the
 * earlier `\d+\.?\d*` could split a digit run in n ways and was quadratic on a long run.
 */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Longer than any coordinate written with double precision (≈ 25 characters). */
const MAX_NUMBER_LENGTH = 40;
/** Cluster coordinates are a few Å; far-off values are typos or hostile, and xtb must not get them. */
export const MAX_COORDINATE_ANGSTROM = 1000;

export interface ParsedXyz {
  comment: string;
  atoms: GeometryAtom[];
}

export interface ParseXyzOptions {
  /** Reject inputs with more atoms than this (the API bounds user input). */
  maxAtoms?: number;
}

/**
 * Parses one XYZ frame. Element column: a symbol in any case ("mo", "MO" → "Mo") or an atomic
 * number; extra columns after x y z (extended XYZ) are ignored. Trailing blank lines are allowed,
 * anything else after the last atom is an error (multi-frame files are not accepted).
 */
export function parseXyz(text: string, options: ParseXyzOptions = {}): ParsedXyz {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const countText = (lines[0] ?? '').trim();
  if (!/^\d+$/.test(countText)) throw new XyzParseError(`expected the atom count (a positive integer), found "${truncate(countText)}"`, 1);
  const count = Number(countText);
  if (count < 1) throw new XyzParseError('the atom count must be at least 1', 1);
  if (options.maxAtoms !== undefined && count > options.maxAtoms) {
    throw new XyzParseError(`${count} atoms exceeds the limit of ${options.maxAtoms}`, 1);
  }
  if (lines.length < 2) throw new XyzParseError('missing comment line', 2);
  const comment = lines[1];
  const atoms: GeometryAtom[] = [];
  for (let k = 0; k < count; k++) {
    const lineNumber = k + 3;
    const line = lines[k + 2];
    if (line === undefined || line.trim() === '') {
      throw new XyzParseError(
        `expected atom ${k + 1} of ${count} ("Element x y z"), found ${line === undefined ? 'end of input' : 'an empty line'}`,
        lineNumber,
      );
    }
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) throw new XyzParseError(`expected "Element x y z", found "${truncate(line.trim())}"`, lineNumber);
    const element = normaliseElement(fields[0]);
    if (element === null) throw new XyzParseError(`unknown element "${truncate(fields[0])}"`, lineNumber);
    const xyz = fields.slice(1, 4).map(Number);
    for (let axis = 0; axis < 3; axis++) {
      const field = fields[axis + 1];
      if (field.length > MAX_NUMBER_LENGTH || !DECIMAL_NUMBER.test(field) || !Number.isFinite(xyz[axis])) {
        throw new XyzParseError(`${'xyz'[axis]} coordinate "${truncate(field)}" is not a finite number`, lineNumber);
      }
      if (Math.abs(xyz[axis]) > MAX_COORDINATE_ANGSTROM) {
        throw new XyzParseError(`${'xyz'[axis]} coordinate ${truncate(field)} Å is beyond ±${MAX_COORDINATE_ANGSTROM} Å`, lineNumber);
      }
    }
    atoms.push({ element, xyzAngstrom: [xyz[0], xyz[1], xyz[2]] });
  }
  for (let i = count + 2; i < lines.length; i++) {
    if (lines[i].trim() !== '') throw new XyzParseError(`unexpected content after the ${count} declared atoms (only one frame is accepted)`, i + 1);
  }
  return { comment, atoms };
}

function normaliseElement(field: string): string | null {
  if (/^\d+$/.test(field)) return elementByAtomicNumber(Number(field))?.symbol ?? null;
  if (!/^[A-Za-z]{1,3}$/.test(field)) return null;
  const symbol = field[0].toUpperCase() + field.slice(1).toLowerCase();
  return elementBySymbol(symbol)?.symbol ?? null;
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

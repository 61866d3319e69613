import type { AtomClass, MotifPatternInput } from './api/generated/graphql';

/**
 * Text syntax for motifs: a chain of atoms joined by "-", e.g. "Mo-S-Mo". An atom is an element
 * symbol, M (any metal), X (any non-metal) or * (any atom). Every "-" is a bond with at least
 * `minOrder` Wiberg order. Ring closures work as in SMILES: a digit after an atom opens a ring
 * bond, the same digit after a later atom closes it, so "M1-M-M1" is a metal triangle and
 * "M1-X-M-X1" an M₂X₂ rhombus. Errors name the 1-based position, like the API's formula errors.
 */
export interface MotifParse {
  pattern: MotifPatternInput | null;
  error: { message: string; position: number } | null;
  tokens: string[];
}

const CLASSES: Record<string, AtomClass> = { M: 'METAL', X: 'NONMETAL', '*': 'ANY' };
const ELEMENT = /^[A-Z][a-z]?$/;
const ATOM_WITH_RINGS = /^([A-Z][a-z]?|\*)(\d*)$/;
/** The API's `limits.motif`; the API checks again and stays the authority. */
export interface MotifSizeLimits {
  maxAtoms: number;
  maxBonds: number;
}

export function parseMotif(text: string, minOrder: number | null, limits: MotifSizeLimits): MotifParse {
  const source = text.trim();
  if (!source) return { pattern: null, error: { message: 'Type a motif, e.g. Mo-S-Mo.', position: 1 }, tokens: [] };
  const tokens: string[] = [];
  const symbols: string[] = [];
  const pairs: Array<[number, number]> = [];
  const open = new Map<string, { atom: number; position: number }>();
  const fail = (message: string, position: number): MotifParse => ({ pattern: null, error: { message, position }, tokens });
  let pos = 1;
  for (const raw of source.split('-')) {
    const token = raw.trim();
    const at = pos + (raw.length - raw.trimStart().length);
    if (!token) return fail(`expected an atom at position ${pos}`, pos);
    const m = ATOM_WITH_RINGS.exec(token);
    if (!m || (!CLASSES[m[1]] && !ELEMENT.test(m[1]))) return fail(`"${token}" at position ${at} is not an element symbol, M, X or *`, at);
    const atom = symbols.length;
    if (atom > 0) pairs.push([atom - 1, atom]);
    for (let k = 0; k < m[2].length; k++) {
      const label = m[2][k];
      const labelPos = at + m[1].length + k;
      const opened = open.get(label);
      if (!opened) {
        open.set(label, { atom, position: labelPos });
        continue;
      }
      open.delete(label);
      if (opened.atom === atom) return fail(`ring label ${label} at position ${labelPos} closes on the atom that opened it`, labelPos);
      if (pairs.some(([a, b]) => a === opened.atom && b === atom)) {
        return fail(`ring label ${label} at position ${labelPos} repeats a bond the chain already has`, labelPos);
      }
      pairs.push([opened.atom, atom]);
    }
    tokens.push(token);
    symbols.push(m[1]);
    pos += raw.length + 1;
  }
  const unclosed = [...open.entries()][0];
  if (unclosed) return fail(`ring label ${unclosed[0]} at position ${unclosed[1].position} is never closed`, unclosed[1].position);
  if (symbols.length > limits.maxAtoms) return fail(`a motif has at most ${limits.maxAtoms} atoms, this one has ${symbols.length}`, 1);
  if (pairs.length > limits.maxBonds) return fail(`a motif has at most ${limits.maxBonds} bonds, this one has ${pairs.length}`, 1);
  const atoms = symbols.map((t) => (CLASSES[t] ? { atomClass: CLASSES[t] } : { element: t }));
  const bonds = pairs.map(([a, b]) => ({ a, b, ...(minOrder != null ? { minOrder } : {}) }));
  return { pattern: { atoms, bonds }, error: null, tokens };
}

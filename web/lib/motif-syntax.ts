import type { AtomClass, MotifPatternInput } from './api/generated/graphql';

/**
 * Text syntax for motifs: a chain of atoms joined by "-", e.g. "Mo-S-Mo". An atom is an element
 * symbol, M (any metal), X (any non-metal) or * (any atom). Every "-" is a bond with at least
 * `minOrder` Wiberg order. Errors name the 1-based position, like the API's formula errors.
 */
export interface MotifParse {
  pattern: MotifPatternInput | null;
  error: { message: string; position: number } | null;
  tokens: string[];
}

const CLASSES: Record<string, AtomClass> = { M: 'METAL', X: 'NONMETAL', '*': 'ANY' };
const ELEMENT = /^[A-Z][a-z]?$/;
export const MAX_MOTIF_ATOMS = 8;

export function parseMotif(text: string, minOrder: number | null): MotifParse {
  const source = text.trim();
  if (!source) return { pattern: null, error: { message: 'Type a motif, e.g. Mo-S-Mo.', position: 1 }, tokens: [] };
  const tokens: string[] = [];
  let pos = 1;
  for (const raw of source.split('-')) {
    const token = raw.trim();
    if (!token) return { pattern: null, error: { message: `expected an atom at position ${pos}`, position: pos }, tokens };
    if (!CLASSES[token] && !ELEMENT.test(token)) {
      return { pattern: null, error: { message: `"${token}" at position ${pos} is not an element symbol, M, X or *`, position: pos }, tokens };
    }
    tokens.push(token);
    pos += raw.length + 1;
  }
  if (tokens.length > MAX_MOTIF_ATOMS) return { pattern: null, error: { message: `a motif has at most ${MAX_MOTIF_ATOMS} atoms, this one has ${tokens.length}`, position: 1 }, tokens };
  const atoms = tokens.map((t) => (CLASSES[t] ? { atomClass: CLASSES[t] } : { element: t }));
  const bonds = tokens.slice(1).map((_, i) => ({ a: i, b: i + 1, ...(minOrder != null ? { minOrder } : {}) }));
  return { pattern: { atoms, bonds }, error: null, tokens };
}

import { elementBySymbol } from './elements';

export type AtomClass = 'METAL' | 'NONMETAL' | 'ANY';

export interface MotifAtom {
  /** An element symbol, or null for a class. */
  element: string | null;
  atomClass: AtomClass;
}

export interface MotifBond {
  a: number;
  b: number;
  /** Minimum Wiberg bond order; 0 accepts every bond of the structure graph. */
  minOrder: number;
}

export interface MotifPattern {
  atoms: MotifAtom[];
  bonds: MotifBond[];
}

export const MOTIF_LIMITS = { maxAtoms: 8, maxBonds: 12, maxOrder: 4 } as const;

export class MotifPatternError extends Error {
  constructor(
    message: string,
    /** Path inside the pattern input, e.g. "atoms[2].element". */
    readonly path: string,
  ) {
    super(message);
    this.name = 'MotifPatternError';
  }
}

/** Validates a motif pattern; the result is safe to turn into Cypher (labels from the periodic table only). */
export function validateMotifPattern(input: {
  atoms: Array<{ element?: string | null; atomClass?: AtomClass | null }>;
  bonds?: Array<{ a: number; b: number; minOrder?: number | null }> | null;
}): MotifPattern {
  const { maxAtoms, maxBonds, maxOrder } = MOTIF_LIMITS;
  if (input.atoms.length === 0) throw new MotifPatternError('a pattern needs at least one atom', 'atoms');
  if (input.atoms.length > maxAtoms) throw new MotifPatternError(`at most ${maxAtoms} atoms, got ${input.atoms.length}`, 'atoms');
  const bondsIn = input.bonds ?? [];
  if (bondsIn.length > maxBonds) throw new MotifPatternError(`at most ${maxBonds} bonds, got ${bondsIn.length}`, 'bonds');

  const atoms = input.atoms.map((a, i): MotifAtom => {
    if (a.element != null) {
      const el = elementBySymbol(a.element);
      if (!el) throw new MotifPatternError(`unknown element "${a.element.length > 8 ? `${a.element.slice(0, 8)}…` : a.element}"`, `atoms[${i}].element`);
      if (a.atomClass && a.atomClass !== 'ANY') {
        throw new MotifPatternError('give either an element or a class, not both', `atoms[${i}]`);
      }
      return { element: el.symbol, atomClass: 'ANY' };
    }
    return { element: null, atomClass: a.atomClass ?? 'ANY' };
  });
  const seen = new Set<string>();
  const bonds = bondsIn.map((b, i): MotifBond => {
    for (const end of ['a', 'b'] as const) {
      const v = b[end];
      if (!Number.isInteger(v) || v < 0 || v >= atoms.length) {
        throw new MotifPatternError(`must be an atom index from 0 to ${atoms.length - 1}, got ${v}`, `bonds[${i}].${end}`);
      }
    }
    if (b.a === b.b) throw new MotifPatternError(`a bond joins two different atoms, got ${b.a}–${b.b}`, `bonds[${i}]`);
    const key = `${Math.min(b.a, b.b)}-${Math.max(b.a, b.b)}`;
    if (seen.has(key)) throw new MotifPatternError(`bond ${key} is given twice`, `bonds[${i}]`);
    seen.add(key);
    const minOrder = b.minOrder ?? 0;
    if (!Number.isFinite(minOrder) || minOrder < 0 || minOrder > maxOrder) {
      throw new MotifPatternError(`must be between 0 and ${maxOrder}, got ${minOrder}`, `bonds[${i}].minOrder`);
    }
    return { a: b.a, b: b.b, minOrder };
  });
  return { atoms, bonds };
}

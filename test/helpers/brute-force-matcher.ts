/**
 * An independent subgraph matcher for cross-checking the Cypher motif search: plain
 * backtracking over structure atoms, written from the definition (injective, non-induced),
 * sharing no code with the query builder.
 */
export interface BfAtom {
  element: string;
  isMetal: boolean;
}
export interface BfBond {
  a: number;
  b: number;
  order: number;
}
export interface BfPattern {
  atoms: Array<{ element?: string; atomClass?: 'METAL' | 'NONMETAL' | 'ANY' }>;
  bonds: Array<{ a: number; b: number; minOrder?: number }>;
}

export function bruteForceMatches(atoms: BfAtom[], bonds: BfBond[], pattern: BfPattern): number[][] {
  const order = new Map<string, number>();
  for (const b of bonds) {
    order.set(`${b.a},${b.b}`, b.order);
    order.set(`${b.b},${b.a}`, b.order);
  }
  const atomFits = (p: BfPattern['atoms'][number], a: BfAtom) =>
    p.element ? a.element === p.element : p.atomClass === 'METAL' ? a.isMetal : p.atomClass === 'NONMETAL' ? !a.isMetal : true;
  const results: number[][] = [];
  const mapping: number[] = [];
  const extend = (k: number) => {
    if (k === pattern.atoms.length) {
      const ok = pattern.bonds.every((pb) => {
        const o = order.get(`${mapping[pb.a]},${mapping[pb.b]}`);
        return o !== undefined && o >= (pb.minOrder ?? 0);
      });
      if (ok) results.push([...mapping]);
      return;
    }
    for (let i = 0; i < atoms.length; i++) {
      if (mapping.includes(i) || !atomFits(pattern.atoms[k], atoms[i])) continue;
      mapping.push(i);
      extend(k + 1);
      mapping.pop();
    }
  };
  extend(0);
  return results.sort((x, y) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
}

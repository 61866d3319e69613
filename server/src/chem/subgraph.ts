import { connectedComponents } from './geometry';

export interface GraphAtom {
  index: number;
  isMetal: boolean;
  partialCharge: number;
}

export interface GraphBond {
  a: number;
  b: number;
}

export type SubgraphKind = 'WHOLE' | 'METAL_CORE' | 'LIGAND_SHELL' | 'NEIGHBORHOOD';

export interface Subgraph<B extends GraphBond = GraphBond> {
  kind: SubgraphKind;
  /** Sorted atom indices of the structure. */
  atomIndices: number[];
  /** The bonds of the structure with both ends in the subgraph (induced subgraph). */
  bonds: B[];
}

export interface ChargeStatistics {
  /** Σ q_i over the subgraph's atoms (e). */
  totalCharge: number;
  /** Mean partial charge (e). */
  meanCharge: number;
  /**
   * Charge polarization: the population standard deviation of the GFN2-xTB partial charges
   * within the subgraph, √(Σ (q_i − q̄)² / n) in e. 0 for a uniform charge distribution;
   * large when charge is redistributed between the subgraph's atoms.
   */
  chargePolarization: number;
  /** max q_i − min q_i (e). */
  chargeRange: number;
}

export function chargeStatistics(charges: readonly number[]): ChargeStatistics {
  if (!charges.length) return { totalCharge: 0, meanCharge: 0, chargePolarization: 0, chargeRange: 0 };
  const total = charges.reduce((s, q) => s + q, 0);
  const mean = total / charges.length;
  const variance = charges.reduce((s, q) => s + (q - mean) ** 2, 0) / charges.length;
  return { totalCharge: total, meanCharge: mean, chargePolarization: Math.sqrt(variance), chargeRange: Math.max(...charges) - Math.min(...charges) };
}

function induced<B extends GraphBond>(kind: SubgraphKind, atomIndices: Iterable<number>, bonds: readonly B[]): Subgraph<B> {
  const set = new Set(atomIndices);
  return { kind, atomIndices: [...set].sort((x, y) => x - y), bonds: bonds.filter((b) => set.has(b.a) && set.has(b.b)) };
}

/**
 * METAL_CORE: metal atoms and metal–metal bonds. LIGAND_SHELL: non-metal atoms and the bonds
 * among them. NEIGHBORHOOD: atoms within `hops` bonds of `atomIndex`. All are induced subgraphs.
 */
export function extractSubgraph<B extends GraphBond>(
  atoms: readonly GraphAtom[],
  bonds: readonly B[],
  kind: SubgraphKind,
  opts: { atomIndex?: number; hops?: number } = {},
): Subgraph<B> {
  switch (kind) {
    case 'WHOLE':
      return induced(
        kind,
        atoms.map((a) => a.index),
        bonds,
      );
    case 'METAL_CORE':
      return induced(
        kind,
        atoms.filter((a) => a.isMetal).map((a) => a.index),
        bonds,
      );
    case 'LIGAND_SHELL':
      return induced(
        kind,
        atoms.filter((a) => !a.isMetal).map((a) => a.index),
        bonds,
      );
    case 'NEIGHBORHOOD': {
      const start = opts.atomIndex;
      if (start === undefined || !atoms.some((a) => a.index === start)) throw new RangeError(`atom ${start} is not in the structure`);
      const hops = opts.hops ?? 1;
      const adjacency = new Map<number, number[]>();
      for (const b of bonds) {
        adjacency.set(b.a, [...(adjacency.get(b.a) ?? []), b.b]);
        adjacency.set(b.b, [...(adjacency.get(b.b) ?? []), b.a]);
      }
      const reached = new Set([start]);
      let frontier = [start];
      for (let h = 0; h < hops; h++) {
        frontier = frontier.flatMap((i) => adjacency.get(i) ?? []).filter((j) => !reached.has(j));
        for (const j of frontier) reached.add(j);
      }
      return induced(kind, reached, bonds);
    }
  }
}

/** The connected components of a subgraph, each itself an induced subgraph. */
export function subgraphComponents<B extends GraphBond>(sub: Subgraph<B>): Subgraph<B>[] {
  const position = new Map(sub.atomIndices.map((atom, i) => [atom, i]));
  const local = sub.bonds.map((b) => ({ a: position.get(b.a)!, b: position.get(b.b)! }));
  return connectedComponents(sub.atomIndices.length, local)
    .map((component) =>
      induced(
        sub.kind,
        component.map((i) => sub.atomIndices[i]),
        sub.bonds,
      ),
    )
    .sort((x, y) => x.atomIndices[0] - y.atomIndices[0]);
}

import { chargeStatistics, extractSubgraph, subgraphComponents, type SubgraphKind } from '../chem/subgraph';
import type { AtomShapley, BondOcclusion, ClusterStructureInput, ModelService } from '../ml';
import type { StructureView } from './structure.service';

export interface SubgraphAttributionView {
  name: string;
  kind: SubgraphKind;
  atoms: number[];
  shapleySum: number;
  coalitionValue: number;
  removalEffect: number;
  totalCharge: number;
  chargePolarization: number;
}

export interface ExplanationView {
  level: 'ATOM' | 'BOND' | 'SUBGRAPH';
  modelVersion: string;
  fullLog10K1: number;
  emptyLog10K1: number | null;
  method: string;
  atoms: Array<{ index: number; element: string; value: number; standardError: number | null }>;
  bonds: BondOcclusion['bonds'];
  subgraphs: SubgraphAttributionView[];
}

/** The subgraphs an explanation attributes to: metal core, ligand shell and, when split, each of their connected components. */
export function namedSubgraphs(structure: Pick<StructureView, 'atoms' | 'bonds'>): Array<{ name: string; kind: SubgraphKind; atoms: number[] }> {
  const named: Array<{ name: string; kind: SubgraphKind; atoms: number[] }> = [];
  for (const kind of ['METAL_CORE', 'LIGAND_SHELL'] as const) {
    const sub = extractSubgraph(structure.atoms, structure.bonds, kind);
    if (!sub.atomIndices.length) continue;
    named.push({ name: kind === 'METAL_CORE' ? 'metal core' : 'ligand shell', kind, atoms: sub.atomIndices });
    const parts = subgraphComponents(sub);
    if (parts.length > 1)
      parts.forEach((p, i) => named.push({ name: `${kind === 'METAL_CORE' ? 'metal core' : 'ligand shell'} component ${i + 1}`, kind, atoms: p.atomIndices }));
  }
  return named;
}

/** Atom Shapley values, bond occlusion or subgraph contributions of one structure's prediction. */
export async function explainStructure(
  model: ModelService,
  input: ClusterStructureInput,
  structure: StructureView,
  level: ExplanationView['level'],
  clusterId?: string,
): Promise<ExplanationView> {
  const graph = model.featurize(input, clusterId ?? 'structure');
  const base = { level, modelVersion: model.info.version, atoms: [], bonds: [], subgraphs: [] };
  if (level === 'BOND') {
    const occ = await model.bondOcclusion(graph);
    return { ...base, method: 'bond occlusion', fullLog10K1: occ.fullLog10K1, emptyLog10K1: null, bonds: occ.bonds };
  }
  const shapley: AtomShapley = await model.shapleyAtoms(graph);
  const atoms = shapley.values.map((value, index) => ({
    index,
    element: shapley.elements[index],
    value,
    standardError: shapley.standardErrors?.[index] ?? null,
  }));
  const method = shapley.method === 'exact' ? 'exact Shapley' : `permutation Shapley (${shapley.permutations} permutations)`;
  if (level === 'ATOM') return { ...base, method, fullLog10K1: shapley.fullValue, emptyLog10K1: shapley.emptyValue, atoms };

  // The paper's claim, testable per cluster: metal core, ligand shell and each connected motif.
  const named = namedSubgraphs(structure);
  const contributions = await model.subgraphContributions(
    graph,
    named.map((n) => n.atoms),
    shapley,
  );
  const subgraphs = named.map((n, i) => ({
    ...n,
    shapleySum: contributions[i].shapleySum,
    coalitionValue: contributions[i].coalitionValue,
    removalEffect: contributions[i].removalEffect,
    ...(({ totalCharge, chargePolarization }) => ({ totalCharge, chargePolarization }))(chargeStatistics(n.atoms.map((a) => structure.atoms[a].partialCharge))),
  }));
  return { ...base, method, fullLog10K1: shapley.fullValue, emptyLog10K1: shapley.emptyValue, atoms, subgraphs };
}

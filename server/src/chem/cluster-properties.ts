import { isMetal } from './elements';
import { compositionMassU } from './formula';
import { langevinRateCm3PerMoleculeS, reactionEfficiency } from './langevin';

export interface CompositionPart {
  element: string;
  count: number;
}

export interface DerivedClusterProperties {
  atomCount: number;
  metalAtomCount: number;
  elements: string[];
  metals: string[];
  ligands: string[];
  /** The set of metal elements, e.g. "Fe-V": the unit of leave-one-family-out evaluation. */
  metalFamily: string;
  /** Sorts Mo2S before Mo10S (zero-padded counts in formula order). */
  formulaSortKey: string;
  massU: number;
  log10K1: number | null;
  k1Cm3PerMoleculeS: number | null;
  langevinRateCm3PerMoleculeS: number | null;
  efficiency: number | null;
}

/** Catalog properties that follow from composition, charge and measurements. */
export function deriveClusterProperties(cluster: {
  composition: CompositionPart[];
  charge: number;
  measurements: Array<{ log10K1: number }>;
}): DerivedClusterProperties {
  const elements = cluster.composition.map((p) => p.element);
  const metals = elements.filter(isMetal);
  const massU = compositionMassU(cluster.composition);
  // With several measurements the catalog shows their mean in log space; each stays available.
  const log10K1 = cluster.measurements.length ? cluster.measurements.reduce((s, m) => s + m.log10K1, 0) / cluster.measurements.length : null;
  const k1 = log10K1 === null ? null : 10 ** log10K1;
  const kL = langevinRateCm3PerMoleculeS(massU, cluster.charge);
  return {
    atomCount: cluster.composition.reduce((s, p) => s + p.count, 0),
    metalAtomCount: cluster.composition.filter((p) => isMetal(p.element)).reduce((s, p) => s + p.count, 0),
    elements,
    metals,
    ligands: elements.filter((e) => !isMetal(e)),
    metalFamily: [...metals].sort().join('-'),
    formulaSortKey: cluster.composition.map((p) => `${p.element}${String(p.count).padStart(3, '0')}`).join(''),
    massU,
    log10K1,
    k1Cm3PerMoleculeS: k1,
    langevinRateCm3PerMoleculeS: kL,
    efficiency: k1 !== null && kL !== null ? reactionEfficiency(k1, kL) : null,
  };
}

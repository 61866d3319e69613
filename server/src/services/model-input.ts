import { isMetal } from '../chem/elements';
import { formatFormula } from '../chem/formula';
import type { XtbResult } from '../xtb';
import type { ClusterStructureInput } from '../ml';
import type { StructureView } from './structure.service';

/**
 * What the model is run on for a catalog cluster: its lowest-energy isomer (isomers come lowest
 * first) with the cluster's charge; null when the cluster has no structure. Every "predict this
 * cluster" path (prediction fields, explain, similar) starts here.
 */
export function catalogModelInput(cluster: { charge: number }, isomers: readonly StructureView[]): ClusterStructureInput | null {
  return isomers.length ? structureInputFromView(isomers[0], cluster.charge) : null;
}

/** The isomer as the model's featurizer reads it (contract 2 names). */
export function structureInputFromView(s: StructureView, charge: number): ClusterStructureInput {
  const { atoms, bonds, ...isomer } = s;
  return {
    charge,
    multiplicity: s.multiplicity,
    isomer: {
      ...isomer,
      atoms: atoms.map(({ xAngstrom, yAngstrom, zAngstrom, ...a }) => ({ ...a, xyzAngstrom: [xAngstrom, yAngstrom, zAngstrom] })),
      bonds: bonds.map((b) => ({ a: b.a, b: b.b, lengthAngstrom: b.lengthAngstrom, wibergOrder: b.order })),
    },
  };
}

/** An xtb result on a user structure as the model input and as the structure the API shows. */
export function modelInputFromXtb(
  xtb: XtbResult,
  composition: Array<{ element: string; count: number }>,
  user: { charge: number; multiplicity: number; optimize: boolean },
): { structure: StructureView; input: ClusterStructureInput } {
  const isomer = {
    energyHartree: xtb.totalEnergyHartree,
    homoLumoGapEv: xtb.homoLumoGapEv,
    dipoleDebye: xtb.dipoleDebye,
    polarizabilityAu: xtb.polarizabilityAu,
    c6Au: xtb.c6Au,
    fermiLevelEv: xtb.fermiLevelEv,
    atoms: xtb.atoms.map((a) => ({ ...a })),
    bonds: xtb.bonds.map((b) => ({ ...b })),
  };
  const structure: StructureView = {
    id: 'user-structure',
    clusterId: formatFormula(composition),
    rank: 0,
    method: xtb.method,
    program: xtb.program,
    programVersion: xtb.programVersion,
    multiplicity: user.multiplicity,
    multiplicitySource: 'given',
    energyHartree: xtb.totalEnergyHartree,
    relativeEnergyKcalPerMol: 0,
    homoLumoGapEv: xtb.homoLumoGapEv,
    dipoleDebye: xtb.dipoleDebye,
    polarizabilityAu: xtb.polarizabilityAu,
    settings: JSON.stringify({ ...xtb.settings, optimize: user.optimize ? 'normal' : false }),
    atoms: xtb.atoms.map((a) => ({
      index: a.index,
      element: a.element,
      atomicNumber: a.atomicNumber,
      isMetal: isMetal(a.element),
      xAngstrom: a.xyzAngstrom[0],
      yAngstrom: a.xyzAngstrom[1],
      zAngstrom: a.xyzAngstrom[2],
      partialCharge: a.partialCharge,
      coordinationNumber: a.coordinationNumber,
      wibergValence: a.wibergValence,
      polarizabilityAu: a.polarizabilityAu,
    })),
    bonds: xtb.bonds.map((b) => ({ a: b.a, b: b.b, order: b.wibergOrder, lengthAngstrom: b.lengthAngstrom })),
  };
  return { structure, input: { isomer, charge: user.charge, multiplicity: user.multiplicity } };
}

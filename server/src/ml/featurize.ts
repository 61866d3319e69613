import {
  EmptyGraphError,
  InvalidBondError,
  MissingPropertyError,
  NonFiniteValueError,
  ShapeMismatchError,
  TooManyAtomsError,
  UnsupportedElementError,
} from './errors';
import type { FeatureEncoding } from './manifest';

/**
 * Pure featurizer: a GFN2-xTB structure (data contract 2 isomer) plus charge and multiplicity
 * become exactly the raw tensors models/training/clusteratlas_ml/features.py builds. The feature list
 * comes from the manifest; normalisation happens inside the ONNX graph.
 */

export interface StructureAtomInput {
  readonly element: string;
  readonly [property: string]: unknown;
}

export interface StructureBondInput {
  readonly a: number;
  readonly b: number;
  readonly wibergOrder?: number;
  readonly [property: string]: unknown;
}

export interface StructureIsomerInput {
  readonly atoms: readonly StructureAtomInput[];
  readonly bonds: readonly StructureBondInput[];
  readonly [property: string]: unknown;
}

export interface ClusterStructureInput {
  readonly isomer: StructureIsomerInput;
  readonly charge: number;
  readonly multiplicity: number;
}

/** One cluster as the model sees it. Matrices are row-major. */
export interface ModelGraph {
  readonly atomCount: number;
  readonly elements: readonly string[];
  /** Bonded pairs (a < b) in input order, for bond occlusion. */
  readonly bonds: ReadonlyArray<{ readonly a: number; readonly b: number }>;
  /** atomCount × atomFeatureCount */
  readonly atomFeatures: Float32Array;
  /** atomCount × atomCount, symmetric, zero diagonal */
  readonly adjacency: Float32Array;
  /** globalFeatureCount */
  readonly globalFeatures: Float32Array;
}

function finite(value: unknown, where: string, property: string): number {
  if (value === undefined || value === null) throw new MissingPropertyError(where, property);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new NonFiniteValueError(`${where}.${property}`, value);
  return value;
}

function vectorNorm(value: unknown, where: string, property: string): number {
  if (value === undefined || value === null) throw new MissingPropertyError(where, property);
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ShapeMismatchError(`${where}.${property}`, 'a 3-vector', Array.isArray(value) ? `length ${value.length}` : typeof value);
  }
  let sq = 0;
  value.forEach((v, k) => {
    const x = finite(v, `${where}.${property}`, String(k));
    sq += x * x;
  });
  return Math.sqrt(sq);
}

export function featurize(input: ClusterStructureInput, encoding: FeatureEncoding, where = 'structure'): ModelGraph {
  const { isomer } = input;
  if (!isomer || !Array.isArray(isomer.atoms)) throw new MissingPropertyError(where, 'atoms');
  if (!Array.isArray(isomer.bonds)) throw new MissingPropertyError(where, 'bonds');
  const n = isomer.atoms.length;
  if (n === 0) throw new EmptyGraphError(`${where}.atoms`);
  if (n > encoding.maxAtoms) throw new TooManyAtomsError(`${where}.atoms`, n, encoding.maxAtoms);
  const charge = finite(input.charge, where, 'charge');
  const multiplicity = finite(input.multiplicity, where, 'multiplicity');
  if (!Number.isInteger(multiplicity) || multiplicity < 1) {
    throw new NonFiniteValueError(`${where}.multiplicity`, `${multiplicity} (must be an integer ≥ 1)`);
  }

  const adjacency = new Float32Array(n * n);
  const bondSum = new Float64Array(n);
  const bondCount = new Float64Array(n);
  const bonds: Array<{ a: number; b: number }> = [];
  const seen = new Set<number>();
  const needsWiberg = encoding.adjacency.kind === 'wiberg' || encoding.atomFeatures.some((f) => f.kind === 'bondSum');
  isomer.bonds.forEach((bond, k) => {
    const w = `${where}.bonds[${k}]`;
    const { a, b } = bond;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n) {
      throw new InvalidBondError(w, `atom indices (${String(a)}, ${String(b)}) must be integers in 0..${n - 1}`);
    }
    if (a === b) throw new InvalidBondError(w, `bond from atom ${a} to itself`);
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(key)) throw new InvalidBondError(w, `duplicate bond between atoms ${a} and ${b}`);
    seen.add(key);
    const order = needsWiberg ? finite(bond.wibergOrder, w, 'wibergOrder') : 0;
    const weight = encoding.adjacency.kind === 'binary' ? 1 : order;
    adjacency[a * n + b] = weight;
    adjacency[b * n + a] = weight;
    bondSum[a] += order;
    bondSum[b] += order;
    bondCount[a] += 1;
    bondCount[b] += 1;
    bonds.push({ a: Math.min(a, b), b: Math.max(a, b) });
  });

  const F = encoding.atomFeatures.length;
  const atomFeatures = new Float32Array(n * F);
  const elements: string[] = [];
  isomer.atoms.forEach((atom, i) => {
    const w = `${where}.atoms[${i}]`;
    const el = atom?.element;
    if (typeof el !== 'string') throw new MissingPropertyError(w, 'element');
    const props = encoding.elementProperties[el];
    if (!props) throw new UnsupportedElementError(`${w}.element`, el);
    elements.push(el);
    encoding.atomFeatures.forEach((f, j) => {
      let v: number;
      switch (f.kind) {
        case 'elementOneHot':
          v = el === f.element ? 1 : 0;
          break;
        case 'elementProperty': {
          const p = props[f.property];
          if (typeof p !== 'number') throw new UnsupportedElementError(`${w}.element`, `${el} (no ${f.property})`);
          v = p;
          break;
        }
        case 'atomProperty':
          v = finite(atom[f.property], w, f.property);
          break;
        case 'atomVectorNorm':
          v = vectorNorm(atom[f.property], w, f.property);
          break;
        case 'bondSum':
          v = bondSum[i];
          break;
        case 'bondCount':
          v = bondCount[i];
          break;
      }
      atomFeatures[i * F + j] = v;
    });
  });

  const globalFeatures = new Float32Array(encoding.globalFeatures.length);
  encoding.globalFeatures.forEach((f, j) => {
    switch (f.kind) {
      case 'clusterCharge':
        globalFeatures[j] = charge;
        break;
      case 'unpairedElectrons':
        globalFeatures[j] = multiplicity - 1;
        break;
      case 'atomCount':
        globalFeatures[j] = n;
        break;
      case 'isomerProperty':
        globalFeatures[j] = finite(isomer[f.property], `${where}.isomer`, f.property);
        break;
    }
  });

  return { atomCount: n, elements, bonds, atomFeatures, adjacency, globalFeatures };
}

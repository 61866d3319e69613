import { EmptyGraphError, NonFiniteValueError, ShapeMismatchError, TooManyAtomsError } from './errors';
import type { ModelGraph } from './featurize';

/** Dense, padded model inputs; names and layout match the ONNX graph's inputs. */
export interface BatchTensors {
  readonly batchSize: number;
  readonly atomSlots: number;
  readonly atomFeatures: Float32Array; // [B, N, F]
  readonly adjacency: Float32Array; // [B, N, N]
  readonly atomMask: Float32Array; // [B, N]
  readonly globalFeatures: Float32Array; // [B, G]
}

export interface TensorDims {
  readonly atomFeatureCount: number;
  readonly globalFeatureCount: number;
  readonly maxAtoms: number;
}

/**
 * One row of a batch: a graph, optionally with some atoms switched off (mask 0 = absent) and/or
 * its own adjacency (bond occlusion). Masks and adjacency are per graph, not padded.
 */
export interface BatchItem {
  readonly graph: ModelGraph;
  readonly mask?: Float32Array;
  readonly adjacency?: Float32Array;
}

function checkFinite(values: Float32Array, where: string): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw new NonFiniteValueError(`${where}[${k}]`, values[k]);
  }
}

/** Shapes, atom limit and finiteness: everything that must hold before ORT sees a graph. */
export function validateGraph(graph: ModelGraph, dims: TensorDims, where: string): void {
  const n = graph.atomCount;
  if (!Number.isInteger(n) || n < 0) throw new ShapeMismatchError(`${where}.atomCount`, 'a non-negative integer', String(n));
  if (n === 0) throw new EmptyGraphError(where);
  if (n > dims.maxAtoms) throw new TooManyAtomsError(where, n, dims.maxAtoms);
  const expect = (arr: Float32Array, len: number, name: string, shape: string) => {
    // Tag check rather than instanceof: arrays from another realm (worker, Jest VM) are still Float32Arrays.
    if (!ArrayBuffer.isView(arr) || (arr as Float32Array)[Symbol.toStringTag] !== 'Float32Array') {
      throw new ShapeMismatchError(`${where}.${name}`, 'a Float32Array', Object.prototype.toString.call(arr));
    }
    if (arr.length !== len) throw new ShapeMismatchError(`${where}.${name}`, `${shape} = ${len} values`, `${arr.length}`);
    checkFinite(arr, `${where}.${name}`);
  };
  expect(graph.atomFeatures, n * dims.atomFeatureCount, 'atomFeatures', `${n}×${dims.atomFeatureCount}`);
  expect(graph.adjacency, n * n, 'adjacency', `${n}×${n}`);
  expect(graph.globalFeatures, dims.globalFeatureCount, 'globalFeatures', `${dims.globalFeatureCount}`);
  if (graph.elements.length !== n) {
    throw new ShapeMismatchError(`${where}.elements`, `${n} element symbols`, `${graph.elements.length}`);
  }
}

/** Pads every item to the largest graph of the batch. */
export function packBatch(items: readonly BatchItem[], dims: TensorDims): BatchTensors {
  const B = items.length;
  const N = items.reduce((m, it) => Math.max(m, it.graph.atomCount), 0);
  const F = dims.atomFeatureCount;
  const G = dims.globalFeatureCount;
  const atomFeatures = new Float32Array(B * N * F);
  const adjacency = new Float32Array(B * N * N);
  const atomMask = new Float32Array(B * N);
  const globalFeatures = new Float32Array(B * G);
  items.forEach((item, b) => {
    const { graph } = item;
    const n = graph.atomCount;
    for (let i = 0; i < n; i++) {
      atomFeatures.set(graph.atomFeatures.subarray(i * F, (i + 1) * F), (b * N + i) * F);
      adjacency.set((item.adjacency ?? graph.adjacency).subarray(i * n, (i + 1) * n), (b * N + i) * N);
      atomMask[b * N + i] = item.mask ? item.mask[i] : 1;
    }
    globalFeatures.set(graph.globalFeatures, b * G);
  });
  return { batchSize: B, atomSlots: N, atomFeatures, adjacency, atomMask, globalFeatures };
}

/**
 * Rows `start … start+count−1` of a coalition set: the same graph repeated, with the atom mask
 * taken from `masks` (C × atomCount bytes). Used for Shapley values, where building one
 * BatchItem per coalition would allocate thousands of small arrays.
 */
export function packCoalitions(graph: ModelGraph, masks: Uint8Array, start: number, count: number, dims: TensorDims): BatchTensors {
  const n = graph.atomCount;
  const F = dims.atomFeatureCount;
  const G = dims.globalFeatureCount;
  const atomFeatures = new Float32Array(count * n * F);
  const adjacency = new Float32Array(count * n * n);
  const atomMask = new Float32Array(count * n);
  const globalFeatures = new Float32Array(count * G);
  for (let b = 0; b < count; b++) {
    atomFeatures.set(graph.atomFeatures, b * n * F);
    adjacency.set(graph.adjacency, b * n * n);
    globalFeatures.set(graph.globalFeatures, b * G);
    const row = (start + b) * n;
    for (let i = 0; i < n; i++) atomMask[b * n + i] = masks[row + i];
  }
  return { batchSize: count, atomSlots: n, atomFeatures, adjacency, atomMask, globalFeatures };
}

/**
 * Coalitions `rows` (indices into `masks`, C × atomCount bytes) that all keep exactly `k` atoms,
 * each packed as the subgraph of its present atoms: features and adjacency of those atoms only,
 * every slot present. The model gives a masked atom no influence at all (its features,
 * adjacency and readout term are zeroed), so this is the same function value as the masked full
 * graph, without computing the GIN layers for atoms that are not there. Needs k ≥ 1.
 */
export function packCompactCoalitions(graph: ModelGraph, masks: Uint8Array, rows: readonly number[], k: number, dims: TensorDims): BatchTensors {
  const n = graph.atomCount;
  const F = dims.atomFeatureCount;
  const G = dims.globalFeatureCount;
  const B = rows.length;
  const atomFeatures = new Float32Array(B * k * F);
  const adjacency = new Float32Array(B * k * k);
  const atomMask = new Float32Array(B * k).fill(1);
  const globalFeatures = new Float32Array(B * G);
  const present = new Int32Array(k);
  rows.forEach((row, b) => {
    let m = 0;
    for (let i = 0; i < n; i++) if (masks[row * n + i]) present[m++] = i;
    if (m !== k) throw new Error(`coalition ${row} keeps ${m} atoms, expected ${k}`);
    for (let p = 0; p < k; p++) {
      const i = present[p];
      atomFeatures.set(graph.atomFeatures.subarray(i * F, (i + 1) * F), (b * k + p) * F);
      for (let q = 0; q < k; q++) adjacency[(b * k + p) * k + q] = graph.adjacency[i * n + present[q]];
    }
    globalFeatures.set(graph.globalFeatures, b * G);
  });
  return { batchSize: B, atomSlots: k, atomFeatures, adjacency, atomMask, globalFeatures };
}

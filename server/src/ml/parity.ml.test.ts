import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packBatch } from './batch';
import { ModelService } from './model.service';
import { MODEL_DIR, readJson, readStructure } from '../../../test/ml/fixtures';

/**
 * ONNX (onnxruntime-node, through the production service) against the PyTorch golden files
 * written by models/training/train.py: same tensors from the TypeScript featurizer, same outputs.
 */

interface GoldenTensor {
  dims: number[];
  data: number[];
}
interface GoldenInputs {
  clusterIds: string[];
  inputs: Record<string, GoldenTensor>;
  outputs: Record<string, GoldenTensor>;
}
interface GoldenPredictions {
  clusters: Array<{ id: string; log10K1Mean: number; log10K1Members: number[] }>;
}

const ATOL = 1e-4;

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, atol: number, rtol: number, what: string) {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const tol = atol + rtol * Math.abs(expected[i]);
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) bad.push(`${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

describe('ONNX model parity with PyTorch', () => {
  let model: ModelService;
  beforeAll(async () => {
    model = await ModelService.load({ modelDir: MODEL_DIR });
  });
  afterAll(async () => {
    await model?.close();
  });

  it('exposes the input and output names and shapes the manifest promises', () => {
    const m = model.manifest;
    expect(m.onnx.inputs.map((t) => t.name)).toEqual(['atom_features', 'adjacency', 'atom_mask', 'global_features']);
    expect(m.onnx.outputs.map((t) => t.name)).toEqual(['log10k1_mean', 'log10k1_members', 'embedding']);
    expect(m.onnx.inputs[0].dims).toEqual(['batch', 'atoms', m.features.atomFeatures.length]);
    expect(m.onnx.inputs[3].dims).toEqual(['batch', m.features.globalFeatures.length]);
    expect(m.onnx.outputs[1].dims).toEqual(['batch', m.ensemble.members]);
    expect(m.onnx.opset).toBeGreaterThanOrEqual(13);
  });

  it('builds exactly the tensors the Python featurizer built', () => {
    const golden = readJson<GoldenInputs>('golden/inputs.json');
    const graphs = golden.clusterIds.map((id) => model.featurize(readStructure(id), id));
    const dims = {
      atomFeatureCount: model.manifest.features.atomFeatures.length,
      globalFeatureCount: model.manifest.features.globalFeatures.length,
      maxAtoms: model.manifest.features.maxAtoms,
    };
    const batch = packBatch(
      graphs.map((graph) => ({ graph })),
      dims,
    );
    const ours: Record<string, Float32Array> = {
      atom_features: batch.atomFeatures,
      adjacency: batch.adjacency,
      atom_mask: batch.atomMask,
      global_features: batch.globalFeatures,
    };
    expect(golden.inputs.atom_features.dims).toEqual([graphs.length, batch.atomSlots, dims.atomFeatureCount]);
    for (const [name, tensor] of Object.entries(golden.inputs)) {
      expectClose(ours[name], Float32Array.from(tensor.data), 0, 1e-6, name);
    }
  });

  it('reproduces the golden outputs of the golden input batch', async () => {
    const golden = readJson<GoldenInputs>('golden/inputs.json');
    const graphs = golden.clusterIds.map((id) => model.featurize(readStructure(id), id));
    const preds = await model.predict(graphs);
    expectClose(
      preds.map((p) => p.meanLog10K1),
      golden.outputs.log10k1_mean.data,
      ATOL,
      0,
      'log10k1_mean',
    );
    const emb = preds.flatMap((p) => Array.from(p.embedding));
    expectClose(emb, golden.outputs.embedding.data, ATOL, 1e-4, 'embedding');
  });

  it('predicts every training cluster as PyTorch did, within 1e-4', async () => {
    const golden = readJson<GoldenPredictions>('golden/predictions.json');
    expect(golden.clusters.map((c) => c.id)).toEqual(model.manifest.training.clusterIds);
    const graphs = golden.clusters.map((c) => model.featurize(readStructure(c.id), c.id));
    const preds = await model.predict(graphs);
    expectClose(
      preds.map((p) => p.meanLog10K1),
      golden.clusters.map((c) => c.log10K1Mean),
      ATOL,
      0,
      'mean',
    );
    expectClose(
      preds.flatMap((p) => p.members),
      golden.clusters.flatMap((c) => c.log10K1Members),
      ATOL,
      0,
      'members',
    );
  });

  it('gives the training embeddings stored for the similarity index', async () => {
    const ids = model.manifest.training.clusterIds;
    const preds = await model.predict(ids.map((id) => model.featurize(readStructure(id), id)));
    const file = readFileSync(path.join(MODEL_DIR, model.manifest.files.trainingEmbeddings.path));
    const stored = new Float32Array(file.buffer, file.byteOffset, file.byteLength / 4);
    expectClose(
      preds.flatMap((p) => Array.from(p.embedding)),
      stored,
      ATOL,
      1e-4,
      'embedding',
    );
  });
});

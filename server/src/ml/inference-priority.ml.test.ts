import { readdirSync, readFileSync } from 'node:fs';
import { PredictionService } from '../services/prediction.service';
import { ModelService } from './model.service';
import { MODEL_DIR, readStructure } from '../../../test/ml/fixtures';

/**
 * What keeps catalog reads fast while someone runs attributions: a catalog cluster's prediction
 * is computed once per process, and the ORT threads run at a lower priority than the event loop.
 */

/** Nice value of each thread of this process, from /proc (field 19 of stat, after the command). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), Number(fields[16]));
  }
  return out;
}

describe('inference priority and the catalog memo', () => {
  let model: ModelService;
  let runs = 0;
  const before = threadNiceness();

  beforeAll(async () => {
    model = await ModelService.load({
      modelDir: MODEL_DIR,
      niceness: 7,
      schedule: (task) => {
        runs++;
        return task();
      },
    });
  });
  afterAll(async () => {
    await model?.close();
  });

  it('runs ONNX Runtime on threads of lower priority, leaving the event loop at its own (Linux: nice is per thread)', () => {
    const after = threadNiceness();
    const added = [...after].filter(([tid]) => !before.has(tid));
    // The worker thread and ORT's intra-op thread(s) it started.
    expect(added.filter(([, nice]) => nice === 7).length).toBeGreaterThanOrEqual(1);
    expect(after.get(process.pid)).toBe(before.get(process.pid));
    expect(after.get(process.pid)).not.toBe(7);
  });

  it('computes a catalog cluster once; a user structure (no cluster id) every time', async () => {
    const service = new PredictionService(model, null);
    const id = model.manifest.training.clusterIds[0];
    const input = readStructure(id);
    runs = 0;
    const [first] = await service.predictMany([{ clusterId: id, input }]);
    expect(runs).toBe(1);
    const [again] = await service.predictMany([{ clusterId: id, input: readStructure(id) }]);
    expect(runs).toBe(1);
    expect(again).toEqual(first);
    await service.predictMany([{ input }]);
    await service.predictMany([{ input }]);
    expect(runs).toBe(3);
  });

  it('keys the memo by the structure itself: another geometry under the same id is computed afresh', async () => {
    const service = new PredictionService(model, null);
    const [a, b] = model.manifest.training.clusterIds;
    const [pa] = await service.predictMany([{ clusterId: a, input: readStructure(a) }]);
    runs = 0;
    // Same id, b's structure: a new key, so a new inference and b's own value.
    const [mixed] = await service.predictMany([{ clusterId: a, input: readStructure(b) }]);
    expect(runs).toBe(1);
    const [pb] = await service.predictMany([{ input: readStructure(b) }]);
    expect(mixed.unboundedLog10K1).toBeCloseTo(pb.unboundedLog10K1, 5);
    expect(mixed.unboundedLog10K1).not.toBeCloseTo(pa.unboundedLog10K1, 5);
  });
});

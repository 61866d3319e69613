import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelUnavailableError } from './errors';
import { ModelService, tryLoadModel } from './model.service';
import { MODEL_DIR } from '../../../test/ml/fixtures';

/** A model whose files do not match its manifest must be refused before any session starts. */

describe('model integrity', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-model-'));
    cpSync(MODEL_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifest = () => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

  it('refuses an ONNX file whose sha256 differs from the manifest', async () => {
    const file = path.join(dir, manifest().files.model.path);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    const load = ModelService.load({ modelDir: dir });
    await expect(load).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(ModelService.load({ modelDir: dir })).rejects.toThrow(
      /failed its integrity check: model \(gin-ensemble\.onnx\): sha256 mismatch, manifest [0-9a-f]{64}, file [0-9a-f]{64}/,
    );
  });

  it('lists every corrupt or missing file at once', async () => {
    const m = manifest();
    rmSync(path.join(dir, m.files.trainingEmbeddings.path));
    writeFileSync(path.join(dir, m.files.modelCard.path), '{}');
    await expect(ModelService.load({ modelDir: dir })).rejects.toThrow(
      /trainingEmbeddings \(training-embeddings\.f32\): cannot be read \(ENOENT\); modelCard \(model-card\.json\): sha256 mismatch/,
    );
  });

  it('refuses a manifest that is missing or malformed', async () => {
    const original = manifest();
    rmSync(path.join(dir, 'manifest.json'));
    await expect(ModelService.load({ modelDir: dir })).rejects.toThrow(/model manifest .*manifest\.json cannot be read/);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...original, schemaVersion: 2 }));
    await expect(ModelService.load({ modelDir: dir })).rejects.toThrow(/does not match the expected schema: schemaVersion/);
  });

  it('refuses a manifest that promises inputs the graph does not have', async () => {
    const m = manifest();
    m.onnx.inputs[0].name = 'node_features';
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
    await expect(ModelService.load({ modelDir: dir })).rejects.toThrow(ModelUnavailableError);
  });

  it('tryLoadModel reports an unavailable model instead of throwing, so the catalog keeps serving', async () => {
    writeFileSync(path.join(dir, manifest().files.model.path), 'not an onnx file');
    const result = await tryLoadModel({ modelDir: dir });
    expect(result.status).toBe('unavailable');
    if (result.status === 'unavailable') {
      expect(result.error).toBeInstanceOf(ModelUnavailableError);
      expect(result.error.code).toBe('MODEL_UNAVAILABLE');
    }
  });
});

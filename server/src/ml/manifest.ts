import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ModelUnavailableError } from './errors';

/**
 * The model manifest (models/served/manifest.json, written by models/training/train.py) and its integrity check.
 * Everything the TypeScript side needs to reproduce the Python tensors comes from here, never
 * from constants duplicated in code.
 */

const num = z.number().refine(Number.isFinite, 'must be finite');

const AtomFeatureSchema = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('elementOneHot'), element: z.string() }),
  z.object({ name: z.string(), kind: z.literal('elementProperty'), property: z.string() }),
  z.object({ name: z.string(), kind: z.literal('atomProperty'), property: z.string() }),
  z.object({ name: z.string(), kind: z.literal('atomVectorNorm'), property: z.string() }),
  z.object({ name: z.string(), kind: z.literal('bondSum'), property: z.string() }),
  z.object({ name: z.string(), kind: z.literal('bondCount') }),
]);

const GlobalFeatureSchema = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('clusterCharge') }),
  z.object({ name: z.string(), kind: z.literal('unpairedElectrons') }),
  z.object({ name: z.string(), kind: z.literal('atomCount') }),
  z.object({ name: z.string(), kind: z.literal('isomerProperty'), property: z.string() }),
]);

const TensorInfoSchema = z.object({
  name: z.string(),
  type: z.literal('float32'),
  dims: z.array(z.union([z.string(), z.number().int()])),
});

const FileSchema = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).catchall(z.unknown());

export const ManifestSchema = z.object({
  schemaVersion: z.literal(1),
  name: z.string(),
  version: z.string(),
  target: z.object({ name: z.string(), reactant: z.string(), unit: z.string() }),
  files: z
    .object({
      model: FileSchema,
      trainingEmbeddings: FileSchema.extend({ shape: z.tuple([z.number().int().min(1), z.number().int().min(1)]) }),
    })
    .catchall(FileSchema),
  onnx: z.object({ opset: z.number().int(), inputs: z.array(TensorInfoSchema), outputs: z.array(TensorInfoSchema) }),
  ensemble: z.object({ members: z.number().int().min(1), seeds: z.array(z.number().int()) }).catchall(z.unknown()),
  features: z
    .object({
      maxAtoms: z.number().int().min(1),
      vocabulary: z.array(z.string()),
      atomFeatures: z.array(AtomFeatureSchema).min(1),
      globalFeatures: z.array(GlobalFeatureSchema),
      adjacency: z.object({ kind: z.enum(['binary', 'wiberg']) }).catchall(z.unknown()),
      elementProperties: z.record(z.string(), z.record(z.string(), z.union([num, z.boolean()]))),
    })
    .catchall(z.unknown()),
  training: z
    .object({
      clusterIds: z.array(z.string()).min(1),
      atomCount: z.object({ min: z.number().int(), max: z.number().int() }),
      elements: z.array(z.string()),
      // Written by models/training/calibrate.py; the server's domain limits for new structures.
      charges: z.array(z.number().int()).optional(),
      families: z.array(z.string()).optional(),
      data: z.object({ sha256: z.string() }).catchall(z.unknown()),
    })
    .catchall(z.unknown()),
  applicabilityDomain: z
    .object({
      percentile: num,
      threshold: num,
      embeddingMean: z.array(num),
      embeddingStd: z.array(num),
    })
    .catchall(z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type FeatureEncoding = Manifest['features'];
export type AtomFeature = z.infer<typeof AtomFeatureSchema>;
export type GlobalFeature = z.infer<typeof GlobalFeatureSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** Reads and schema-checks the manifest; does not touch the files it lists. */
export async function readManifest(modelDir: string): Promise<Manifest> {
  const file = path.join(modelDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new ModelUnavailableError(`model manifest ${file} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ModelUnavailableError(`model manifest ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelUnavailableError(`model manifest ${file} does not match the expected schema: ${problems}`);
  }
  return parsed.data;
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Checks the sha256 of every file the manifest lists, and reports every problem at once.
 * Paths must stay inside the model directory.
 */
export async function verifyModelFiles(modelDir: string, manifest: Manifest): Promise<void> {
  const root = path.resolve(modelDir);
  const problems: string[] = [];
  for (const [role, entry] of Object.entries(manifest.files)) {
    const file = path.resolve(root, entry.path);
    if (!file.startsWith(root + path.sep)) {
      problems.push(`${role}: path ${entry.path} leaves the model directory`);
      continue;
    }
    try {
      const actual = await sha256OfFile(file);
      if (actual !== entry.sha256) {
        problems.push(`${role} (${entry.path}): sha256 mismatch, manifest ${entry.sha256}, file ${actual}`);
      }
    } catch (err) {
      problems.push(`${role} (${entry.path}): cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  if (problems.length > 0) {
    throw new ModelUnavailableError(`model in ${root} failed its integrity check: ${problems.join('; ')}`);
  }
}

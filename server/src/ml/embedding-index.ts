import { readFile } from 'node:fs/promises';
import { ModelUnavailableError, ShapeMismatchError } from './errors';

/**
 * Training-set embeddings for nearest-neighbour look-ups. Both the similarity search and the
 * applicability-domain distance work on embeddings z-scored with the training mean and std
 * from the manifest, so no single wide dimension dominates.
 */

export interface Neighbour {
  clusterId: string;
  /** Cosine similarity of z-scored embeddings, −1..1. */
  cosineSimilarity: number;
  /** Euclidean distance of z-scored embeddings. */
  distance: number;
}

export class EmbeddingIndex {
  private constructor(
    readonly clusterIds: readonly string[],
    readonly dim: number,
    private readonly z: Float64Array,
    private readonly norms: Float64Array,
    private readonly mean: Float64Array,
    private readonly std: Float64Array,
  ) {}

  static async load(
    file: string,
    clusterIds: readonly string[],
    shape: readonly number[],
    mean: readonly number[],
    std: readonly number[],
  ): Promise<EmbeddingIndex> {
    const [rows, dim] = shape;
    if (rows !== clusterIds.length || dim !== mean.length || dim !== std.length) {
      throw new ModelUnavailableError(
        `training embeddings: manifest shape [${shape.join(', ')}] disagrees with ${clusterIds.length} ids and ${mean.length}-dimensional statistics`,
      );
    }
    const bytes = await readFile(file);
    if (bytes.byteLength !== rows * dim * 4) {
      throw new ModelUnavailableError(`training embeddings ${file}: ${bytes.byteLength} bytes, expected ${rows * dim * 4}`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const m = Float64Array.from(mean);
    const s = Float64Array.from(std);
    const z = new Float64Array(rows * dim);
    const norms = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let sq = 0;
      for (let d = 0; d < dim; d++) {
        const v = (view.getFloat32((r * dim + d) * 4, true) - m[d]) / s[d];
        z[r * dim + d] = v;
        sq += v * v;
      }
      norms[r] = Math.sqrt(sq);
    }
    return new EmbeddingIndex(clusterIds, dim, z, norms, m, s);
  }

  /** Every training cluster ranked by cosine similarity (highest first), optionally without one id. */
  rank(embedding: ArrayLike<number>, excludeClusterId?: string): Neighbour[] {
    if (embedding.length !== this.dim) {
      throw new ShapeMismatchError('embedding', `${this.dim} values`, `${embedding.length}`);
    }
    const q = new Float64Array(this.dim);
    let qNorm = 0;
    for (let d = 0; d < this.dim; d++) {
      q[d] = (embedding[d] - this.mean[d]) / this.std[d];
      qNorm += q[d] * q[d];
    }
    qNorm = Math.sqrt(qNorm);
    const out: Neighbour[] = [];
    for (let r = 0; r < this.clusterIds.length; r++) {
      if (this.clusterIds[r] === excludeClusterId) continue;
      let dot = 0;
      let d2 = 0;
      const off = r * this.dim;
      for (let d = 0; d < this.dim; d++) {
        const zr = this.z[off + d];
        dot += q[d] * zr;
        d2 += (q[d] - zr) ** 2;
      }
      const denom = qNorm * this.norms[r];
      out.push({ clusterId: this.clusterIds[r], cosineSimilarity: denom > 0 ? dot / denom : 0, distance: Math.sqrt(d2) });
    }
    return out.sort((a, b) => b.cosineSimilarity - a.cosineSimilarity || a.clusterId.localeCompare(b.clusterId));
  }

  nearestByDistance(embedding: ArrayLike<number>, excludeClusterId?: string): Neighbour {
    const all = this.rank(embedding, excludeClusterId);
    return all.reduce((best, n) => (n.distance < best.distance ? n : best));
  }
}

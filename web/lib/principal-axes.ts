/**
 * Rotates a structure into the frame of its principal axes (of the atom positions, unweighted),
 * so a viewer looking down z sees the widest face: the axis along which the atoms spread most
 * becomes x (horizontal), the next y, the flattest direction z (towards the viewer). A planar
 * Ta₃H₄⁻ then faces the viewer instead of looking like a line.
 */
export interface Point3 {
  xAngstrom: number;
  yAngstrom: number;
  zAngstrom: number;
}

type Mat3 = [[number, number, number], [number, number, number], [number, number, number]];

/** Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (converges in a few sweeps). */
export function symmetricEigen(m: Mat3): { values: number[]; vectors: number[][] } {
  const a = m.map((r) => [...r]);
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off < 1e-20) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      if (Math.abs(a[p][q]) < 1e-15) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p];
        const akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k];
        const aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][p];
        const vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  // Column j of v is the eigenvector of a[j][j].
  return { values: [a[0][0], a[1][1], a[2][2]], vectors: [0, 1, 2].map((j) => [v[0][j], v[1][j], v[2][j]]) };
}

export function orientToPrincipalAxes<T extends Point3>(atoms: T[]): T[] {
  if (atoms.length < 2) return atoms;
  const n = atoms.length;
  const c = [0, 0, 0];
  for (const a of atoms) {
    c[0] += a.xAngstrom / n;
    c[1] += a.yAngstrom / n;
    c[2] += a.zAngstrom / n;
  }
  const d = atoms.map((a) => [a.xAngstrom - c[0], a.yAngstrom - c[1], a.zAngstrom - c[2]]);
  const cov: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const p of d) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) cov[i][j] += p[i] * p[j];
  const { values, vectors } = symmetricEigen(cov);
  // Largest spread first: x, then y, then z (the view direction).
  const order = [0, 1, 2].sort((i, j) => values[j] - values[i]);
  const axes = order.map((k) => vectors[k]);
  // Keep a right-handed frame so the structure is rotated, never mirrored.
  const cross = [
    axes[0][1] * axes[1][2] - axes[0][2] * axes[1][1],
    axes[0][2] * axes[1][0] - axes[0][0] * axes[1][2],
    axes[0][0] * axes[1][1] - axes[0][1] * axes[1][0],
  ];
  axes[2] = cross;
  return atoms.map((a, i) => {
    const p = d[i];
    const dot = (u: number[]) => u[0] * p[0] + u[1] * p[1] + u[2] * p[2];
    return { ...a, xAngstrom: dot(axes[0]), yAngstrom: dot(axes[1]), zAngstrom: dot(axes[2]) };
  });
}

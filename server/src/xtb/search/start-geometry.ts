import { isMetal } from '../../chem/elements';
import { BOND_TOLERANCE, covalentRadiusAngstrom, distanceAngstrom, type GeometryAtom, type Vec3 } from '../../chem/geometry';
import { seededRandom } from '../../util/seeded-random';

/** Start geometries keep every pair at least this fraction of the summed covalent radii apart. */
export const START_MIN_CONTACT = 0.8;

export interface StartGeometryOptions {
  /** Bond length of each new atom to its anchor, as a fraction of the covalent sum: [min, max]. */
  bondScale?: [number, number];
  /** Random candidate positions scored per atom; more gives more compact clusters. */
  candidatesPerAtom?: number;
}

/**
 * A random, connected, compact start geometry for the given element list (one entry per atom;
 * output atoms keep this order).
 *
 * Growth algorithm: metals are placed first so the metal core is compact, then the ligands
 * (nonmetals). Each new atom is put at a random direction from a randomly chosen placed atom at
 * U(bondScale) × (r_anchor + r_new), which makes it bonded under the 1.25 rule (so the cluster
 * is connected by construction); candidates that come closer than START_MIN_CONTACT × (r_i + r_j)
 * to any placed atom are rejected. Of the accepted candidates the one with most bonded
 * neighbours wins (ties: nearest the centroid), favouring bridging/hollow sites and compact
 * cores as in real metal clusters, while the random anchors and directions give each seed a
 * different structure.
 */
export function randomStartGeometry(elements: readonly string[], seed: number, options: StartGeometryOptions = {}): GeometryAtom[] {
  const [minScale, maxScale] = options.bondScale ?? [1.0, 1.1];
  if (!(START_MIN_CONTACT <= minScale && minScale <= maxScale && maxScale <= BOND_TOLERANCE)) {
    throw new Error(`bondScale [${minScale}, ${maxScale}] must lie within [${START_MIN_CONTACT}, ${BOND_TOLERANCE}]`);
  }
  const candidatesPerAtom = options.candidatesPerAtom ?? 12;
  if (elements.length === 0) return [];
  const radii = elements.map(covalentRadiusAngstrom);
  const random = seededRandom(seed);

  const order = elements.map((_, i) => i);
  shuffle(order, random);
  const metalFirst = [...order.filter((i) => isMetal(elements[i])), ...order.filter((i) => !isMetal(elements[i]))];

  const positions = new Array<Vec3 | undefined>(elements.length);
  const placed: number[] = [];
  positions[metalFirst[0]] = [0, 0, 0];
  placed.push(metalFirst[0]);

  for (const atom of metalFirst.slice(1)) {
    let best: { position: Vec3; neighbours: number; centroidDistance: number } | null = null;
    const centroid = centroidOf(placed.map((i) => positions[i] as Vec3));
    for (let attempt = 0; attempt < candidatesPerAtom * 50 && (best === null || attempt < candidatesPerAtom); attempt++) {
      const anchor = placed[Math.floor(random() * placed.length)];
      const length = (minScale + (maxScale - minScale) * random()) * (radii[anchor] + radii[atom]);
      const direction = randomUnitVector(random);
      const anchorPosition = positions[anchor] as Vec3;
      const position: Vec3 = [anchorPosition[0] + length * direction[0], anchorPosition[1] + length * direction[1], anchorPosition[2] + length * direction[2]];
      let neighbours = 0;
      let clash = false;
      for (const other of placed) {
        const d = distanceAngstrom(position, positions[other] as Vec3);
        const sum = radii[other] + radii[atom];
        if (d < START_MIN_CONTACT * sum) {
          clash = true;
          break;
        }
        if (d <= BOND_TOLERANCE * sum) neighbours++;
      }
      if (clash) continue;
      const centroidDistance = distanceAngstrom(position, centroid);
      if (best === null || neighbours > best.neighbours || (neighbours === best.neighbours && centroidDistance < best.centroidDistance)) {
        best = { position, neighbours, centroidDistance };
      }
    }
    // A free direction always exists around the outermost atom, so this only trips on a bug.
    if (best === null) throw new Error(`Could not place atom ${atom} (${elements[atom]}) without a clash (seed ${seed})`);
    positions[atom] = best.position;
    placed.push(atom);
  }
  const centre = centroidOf(positions as Vec3[]);
  return elements.map((element, i) => {
    const p = positions[i] as Vec3;
    return { element, xyzAngstrom: [p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]] };
  });
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function randomUnitVector(random: () => number): Vec3 {
  // Uniform on the sphere: z uniform in [-1, 1], azimuth uniform (Archimedes).
  const z = 2 * random() - 1;
  const phi = 2 * Math.PI * random();
  const s = Math.sqrt(1 - z * z);
  return [s * Math.cos(phi), s * Math.sin(phi), z];
}

function centroidOf(points: readonly Vec3[]): Vec3 {
  const c: Vec3 = [0, 0, 0];
  for (const p of points) {
    c[0] += p[0];
    c[1] += p[1];
    c[2] += p[2];
  }
  return [c[0] / points.length, c[1] / points.length, c[2] / points.length];
}

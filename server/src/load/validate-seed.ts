import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import seedSchema from '../../../schema/seed.schema.json';
import { clusterId, formatFormula, isMultiplicityConsistent, metalElements, parsePublishedName } from '../chem/formula';

/** Types of data contract 1 (seed/data/clusters.json); the JSON Schema is the authority. */
export interface SeedMeasurement {
  reactant: string;
  log10K1: number;
  k1Cm3PerMoleculeS: number;
  sourceId: string;
}

export type Nuclearity = 'homonuclear' | 'heteronuclear';

export interface SeedCluster {
  id: string;
  formula: string;
  publishedName: string;
  composition: { element: string; count: number }[];
  charge: number;
  multiplicity: number | null;
  authorsIsomerId: string | null;
  cvFold: number | null;
  nuclearity: Nuclearity;
  measurements: SeedMeasurement[];
}

export interface SeedSource {
  id: string;
  doi: string;
  citation: string;
  url: string;
}

export interface SeedFile {
  dataset: { name: string; description: string; licenceNote: string };
  sources: SeedSource[];
  clusters: SeedCluster[];
}

/** Every problem found, each starting with the JSON pointer of the offending value. */
export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed file is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'SeedValidationError';
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schemaCheck = ajv.compile<SeedFile>(seedSchema);

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') {
    return `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}: is required`;
  }
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}: is not allowed`;
  }
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword}`;
}

// The rules a JSON Schema cannot express: relations between fields and between clusters.
function crossFieldProblems(seed: SeedFile): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(seed.sources.map((s) => s.id));
  const seen = new Set<string>();
  seed.clusters.forEach((cluster, i) => {
    const at = `/clusters/${i}`;
    const attempt = (what: string, check: () => void) => {
      try {
        check();
      } catch (error) {
        problems.push(`${at}/${what}: ${(error as Error).message}`);
      }
    };
    if (seen.has(cluster.id)) problems.push(`${at}/id: duplicate id "${cluster.id}"`);
    seen.add(cluster.id);
    if (i > 0 && !(seed.clusters[i - 1].id < cluster.id)) {
      problems.push(`${at}/id: "${cluster.id}" is out of order (clusters must be sorted by id)`);
    }
    attempt('formula', () => {
      const fromComposition = formatFormula(cluster.composition);
      if (fromComposition !== cluster.formula) {
        throw new Error(`"${cluster.formula}" does not match the composition (which gives "${fromComposition}")`);
      }
    });
    attempt('id', () => {
      const expected = clusterId(cluster.formula, cluster.charge);
      if (expected !== cluster.id) throw new Error(`"${cluster.id}" should be "${expected}" for its formula and charge`);
    });
    attempt('publishedName', () => {
      const parsed = parsePublishedName(cluster.publishedName);
      if (parsed.formula !== cluster.formula || parsed.charge !== cluster.charge) {
        throw new Error(`"${cluster.publishedName}" reads as ${parsed.formula} charge ${parsed.charge}, not ${cluster.formula} charge ${cluster.charge}`);
      }
    });
    attempt('nuclearity', () => {
      const metals = metalElements(cluster.composition).length;
      const expected = metals === 1 ? 'homonuclear' : metals === 2 ? 'heteronuclear' : undefined;
      if (expected !== cluster.nuclearity) {
        throw new Error(`"${cluster.nuclearity}" but the composition has ${metals} distinct metal element(s)`);
      }
    });
    if (cluster.multiplicity !== null) {
      attempt('multiplicity', () => {
        if (!isMultiplicityConsistent(cluster.composition, cluster.charge, cluster.multiplicity as number)) {
          throw new Error(`${cluster.multiplicity} is impossible for this electron count (parity)`);
        }
      });
    }
    cluster.measurements.forEach((m, j) => {
      const mAt = `${at}/measurements/${j}`;
      if (!sourceIds.has(m.sourceId)) problems.push(`${mAt}/sourceId: "${m.sourceId}" is not a listed source`);
      const expected = 10 ** m.log10K1;
      if (Math.abs(m.k1Cm3PerMoleculeS - expected) > 1e-5 * expected) {
        problems.push(`${mAt}/k1Cm3PerMoleculeS: ${m.k1Cm3PerMoleculeS} is not 10^log10K1 = ${expected}`);
      }
    });
  });
  return problems;
}

/** Checks parsed JSON against contract 1 and returns it typed; throws SeedValidationError. */
export function validateSeed(json: unknown): SeedFile {
  if (!schemaCheck(json)) {
    throw new SeedValidationError((schemaCheck.errors ?? []).map(describe));
  }
  const problems = crossFieldProblems(json);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return json;
}

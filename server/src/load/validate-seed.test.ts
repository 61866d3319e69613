import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SeedValidationError, validateSeed, type SeedFile } from './validate-seed';

const committed: SeedFile = JSON.parse(readFileSync(path.join(__dirname, '../../../seed/data/clusters.json'), 'utf8'));

function copy(): SeedFile {
  return structuredClone(committed);
}

function problemsOf(json: unknown): string[] {
  try {
    validateSeed(json);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

const mo5s2 = committed.clusters.findIndex((c) => c.id === 'Mo5S2-anion');

describe('validateSeed', () => {
  it('accepts the committed seed/data/clusters.json', () => {
    const seed = validateSeed(committed);
    expect(seed.clusters).toHaveLength(216);
    expect(mo5s2).toBeGreaterThanOrEqual(0);
  });

  it('names the path of a missing charge', () => {
    const broken = copy() as unknown as { clusters: Record<string, unknown>[] };
    delete broken.clusters[mo5s2].charge;
    expect(problemsOf(broken)).toEqual([`/clusters/${mo5s2}/charge: is required`]);
    expect(() => validateSeed(broken)).toThrow(`/clusters/${mo5s2}/charge: is required`);
  });

  it('names the path of a malformed id', () => {
    const broken = copy();
    broken.clusters[mo5s2].id = 'Mo5S2 anion';
    expect(problemsOf(broken)).toEqual([expect.stringMatching(new RegExp(`^/clusters/${mo5s2}/id: must match pattern`))]);
  });

  it('rejects an id that does not follow from formula and charge', () => {
    const broken = copy();
    broken.clusters[mo5s2].charge = 0;
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(`/clusters/${mo5s2}/id: "Mo5S2-anion" should be "Mo5S2-neutral" for its formula and charge`);
    expect(problems).toContainEqual(`/clusters/${mo5s2}/publishedName: "Mo5S2¯" reads as Mo5S2 charge -1, not Mo5S2 charge 0`);
  });

  it('rejects unknown properties (the schema is strict)', () => {
    const broken = copy() as unknown as { clusters: Record<string, unknown>[] };
    broken.clusters[0].descriptor = 1.2;
    expect(problemsOf(broken)).toEqual(['/clusters/0/descriptor: is not allowed']);
  });

  it('rejects a formula that disagrees with the composition', () => {
    const broken = copy();
    broken.clusters[mo5s2].composition[1].count = 3;
    expect(problemsOf(broken)).toContainEqual(`/clusters/${mo5s2}/formula: "Mo5S2" does not match the composition (which gives "Mo5S3")`);
  });

  it('rejects duplicate and unsorted ids', () => {
    const broken = copy();
    broken.clusters[1] = structuredClone(broken.clusters[0]);
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(`/clusters/1/id: duplicate id "${committed.clusters[0].id}"`);
    expect(problems).toContainEqual(`/clusters/1/id: "${committed.clusters[0].id}" is out of order (clusters must be sorted by id)`);
  });

  it('rejects a measurement from an unlisted source or with k1 ≠ 10^log10K1', () => {
    const broken = copy();
    broken.clusters[mo5s2].measurements[0].sourceId = 'nobody2020';
    broken.clusters[mo5s2].measurements[0].k1Cm3PerMoleculeS = 1.6e-10;
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(`/clusters/${mo5s2}/measurements/0/sourceId: "nobody2020" is not a listed source`);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^/clusters/${mo5s2}/measurements/0/k1Cm3PerMoleculeS: 1.6e-10 is not 10\\^log10K1`)));
  });

  it('rejects a wrong nuclearity and an impossible multiplicity', () => {
    const broken = copy();
    broken.clusters[mo5s2].nuclearity = 'heteronuclear';
    broken.clusters[mo5s2].multiplicity = 3;
    expect(problemsOf(broken)).toEqual([
      `/clusters/${mo5s2}/nuclearity: "heteronuclear" but the composition has 1 distinct metal element(s)`,
      `/clusters/${mo5s2}/multiplicity: 3 is impossible for this electron count (parity)`,
    ]);
  });

  it('rejects a cvFold outside 1..10 and a wrong type, naming each path', () => {
    const broken = copy() as unknown as { clusters: Record<string, unknown>[]; sources: unknown };
    broken.clusters[mo5s2].cvFold = 11;
    broken.clusters[mo5s2].multiplicity = '2';
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(`/clusters/${mo5s2}/cvFold: must be <= 10`);
    expect(problems).toContainEqual(`/clusters/${mo5s2}/multiplicity: must be integer,null`);
  });

  it('rejects input that is not a seed file at all', () => {
    expect(problemsOf(null)).toEqual(['/: must be object']);
    expect(problemsOf({})).toEqual(['/dataset: is required', '/sources: is required', '/clusters: is required']);
  });
});

import { FormulaError, clusterId, isMultiplicityConsistent, metalElements, parsePublishedName, type PublishedName } from '../../server/src/chem/formula';
import type { SeedCluster, SeedFile, SeedSource } from '../../server/src/load/validate-seed';
import { parseFoldName, type FoldName } from './fold-name';
import type { RateRow } from './read-xlsx';

/** Everything the converter reads from the published spreadsheets. */
export interface RawTables {
  homonuclear24: RateRow[];
  homonuclear15: RateRow[];
  homonuclear8: RateRow[];
  heteronuclear: RateRow[];
  folds: { fold: number; train: RateRow[]; test: RateRow[] }[];
}

export const EXPECTED_COUNTS = { homonuclear: 159, heteronuclear: 57, folds: 10 } as const;

/**
 * The 15/8-feature files round lg(k1) to 10 significant digits, so values agree with the
 * 24-feature file to within 5e-9; anything larger is a different number.
 */
export const LOG10K1_AGREEMENT = 1e-8;

/**
 * k1 = 10^lg(k1) rounded to 6 significant figures. Some published lg(k1) are themselves rounded
 * (e.g. -12.585 gives 2.60016e-13), so more digits would be float noise, not data.
 */
export const K1_SIGNIFICANT_FIGURES = 6;

export const SOURCE: SeedSource = {
  id: 'mou2025',
  doi: '10.1021/acscatal.5c01379',
  citation:
    'L.-H. Mou, G.-D. Jiang, C. Wang, X. Cheng, J. Yu, Z. Li, J. Jiang, "Unveiling Universal Reactivity Descriptors of Metal Clusters toward Dinitrogen Activation", ACS Catal. 2025, 15 (8), 6618-6627',
  url: 'https://doi.org/10.1021/acscatal.5c01379',
};

export const DATASET: SeedFile['dataset'] = {
  name: 'mou2025-cluster-n2',
  description:
    "Measured rate constants k1 (cm^3 molecule^-1 s^-1) for reactions of 216 gas-phase metal clusters (159 with one metal element, 57 with two) with N2, as compiled and published by Mou et al. (2025), with the authors' spin multiplicities and 10-fold cross-validation split for the 159 homonuclear clusters.",
  licenceNote:
    "Measured values (facts) taken from the public data set of the cited article; the authors' DFT descriptors are not reproduced. Cite the article (doi:10.1021/acscatal.5c01379) as the source of every rate. No per-measurement primary references, temperatures or pressures were published.",
};

/** All problems found while building, listed together so one run shows everything. */
export class SeedBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot build the seed file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'SeedBuildError';
  }
}

function k1FromLog10(log10K1: number): number {
  return Number((10 ** log10K1).toPrecision(K1_SIGNIFICANT_FIGURES));
}

function readNames(rows: RateRow[], problems: string[]): (PublishedName | undefined)[] {
  return rows.map((row) => {
    try {
      return parsePublishedName(row.name);
    } catch (error) {
      problems.push(`${row.where}: ${(error as Error).message}`);
      return undefined;
    }
  });
}

/** The 15- and 8-feature files must list the same clusters, in the same order, with the same lg(k1). */
function crossCheckFeatureFile(label: string, reference: RateRow[], referenceNames: (PublishedName | undefined)[], other: RateRow[], problems: string[]): void {
  if (other.length !== reference.length) {
    problems.push(`${label}: ${other.length} clusters, but the 24-feature file has ${reference.length}`);
    return;
  }
  const otherNames = readNames(other, problems);
  other.forEach((row, i) => {
    const mine = referenceNames[i];
    const theirs = otherNames[i];
    if (!mine || !theirs) return;
    if (mine.formula !== theirs.formula || mine.charge !== theirs.charge) {
      problems.push(`${row.where}: "${row.name}" disagrees with "${reference[i].name}" in ${reference[i].where}`);
    }
    if (Math.abs(row.log10K1 - reference[i].log10K1) > LOG10K1_AGREEMENT) {
      problems.push(`${row.where}: lg(k1) ${row.log10K1} for ${row.name} disagrees with ${reference[i].log10K1} in ${reference[i].where}`);
    }
  });
}

interface FoldFacts {
  foldName: FoldName;
  cvFold: number;
}

/** Reads the fold files: the fold in whose Test sheet each cluster appears, and its fold name. */
function readFolds(raw: RawTables, byFormula: Map<string, { row: RateRow; name: PublishedName }>, problems: string[]): Map<string, FoldFacts> {
  const facts = new Map<string, FoldFacts>();
  const namesSeen = new Map<string, string>();
  if (raw.folds.length !== EXPECTED_COUNTS.folds) {
    problems.push(`expected ${EXPECTED_COUNTS.folds} fold files, got ${raw.folds.length}`);
  }
  for (const { fold, train, test } of raw.folds) {
    const inThisFold = new Set<string>();
    for (const [sheet, rows] of [
      ['Test', test],
      ['Train', train],
    ] as const) {
      if (rows.length === 0) problems.push(`fold ${fold}: ${sheet} sheet is empty`);
      for (const row of rows) {
        let parsed: FoldName;
        try {
          parsed = parseFoldName(row.name);
        } catch (error) {
          problems.push(`${row.where}: ${(error as Error).message}`);
          continue;
        }
        const match = byFormula.get(parsed.formula);
        if (!match) {
          problems.push(`${row.where}: "${row.name}" (${parsed.formula}) is not among the homonuclear clusters`);
          continue;
        }
        if (inThisFold.has(parsed.formula)) problems.push(`${row.where}: ${parsed.formula} appears twice in fold ${fold}`);
        inThisFold.add(parsed.formula);
        const earlier = namesSeen.get(parsed.formula);
        if (earlier !== undefined && earlier !== row.name) {
          problems.push(`${row.where}: "${row.name}" but another fold file names the same cluster "${earlier}"`);
        }
        namesSeen.set(parsed.formula, row.name);
        if (Math.abs(row.log10K1 - match.row.log10K1) > LOG10K1_AGREEMENT) {
          problems.push(`${row.where}: lg(k1) ${row.log10K1} for ${row.name} disagrees with ${match.row.log10K1} in ${match.row.where}`);
        }
        if (sheet === 'Test') {
          const already = facts.get(parsed.formula);
          if (already) {
            problems.push(`${row.where}: ${parsed.formula} is in the Test sheet of folds ${already.cvFold} and ${fold}`);
          } else {
            facts.set(parsed.formula, { foldName: parsed, cvFold: fold });
          }
        }
      }
    }
    if (inThisFold.size !== byFormula.size) {
      problems.push(`fold ${fold}: Train + Test hold ${inThisFold.size} distinct clusters, expected ${byFormula.size}`);
    }
  }
  for (const [formula, { row }] of byFormula) {
    if (!facts.has(formula)) problems.push(`${row.where}: ${row.name} is in no fold's Test sheet`);
  }
  return facts;
}

function measurement(log10K1: number): SeedCluster['measurements'][number] {
  return { reactant: 'N2', log10K1, k1Cm3PerMoleculeS: k1FromLog10(log10K1), sourceId: SOURCE.id };
}

/**
 * Turns the published spreadsheets into contract-1 seed data. Pure: no file access, so the
 * same checks run in tests and in the converter. Throws SeedBuildError listing every problem.
 */
export function buildSeed(raw: RawTables): SeedFile {
  const problems: string[] = [];
  const homoNames = readNames(raw.homonuclear24, problems);
  crossCheckFeatureFile('homonuclear 15-feature file', raw.homonuclear24, homoNames, raw.homonuclear15, problems);
  crossCheckFeatureFile('homonuclear 8-feature file', raw.homonuclear24, homoNames, raw.homonuclear8, problems);

  const byFormula = new Map<string, { row: RateRow; name: PublishedName }>();
  raw.homonuclear24.forEach((row, i) => {
    const name = homoNames[i];
    if (!name) return;
    const previous = byFormula.get(name.formula);
    if (previous) problems.push(`${row.where}: ${row.name} repeats ${previous.row.name} from ${previous.row.where}`);
    else byFormula.set(name.formula, { row, name });
  });
  const folds = readFolds(raw, byFormula, problems);

  const clusters: SeedCluster[] = [];
  const add = (row: RateRow, name: PublishedName, nuclearity: SeedCluster['nuclearity'], fold: FoldFacts | undefined) => {
    const metals = metalElements(name.composition).length;
    const wantedMetals = nuclearity === 'homonuclear' ? 1 : 2;
    if (metals !== wantedMetals) {
      problems.push(`${row.where}: ${row.name} has ${metals} distinct metal elements, expected ${wantedMetals} for a ${nuclearity} cluster`);
    }
    const multiplicity = fold ? fold.foldName.multiplicity : null;
    if (multiplicity !== null && !isMultiplicityConsistent(name.composition, name.charge, multiplicity)) {
      problems.push(`${row.where}: multiplicity ${multiplicity} of ${row.name} (charge ${name.charge}) has the wrong parity for its electron count`);
    }
    let id: string;
    try {
      id = clusterId(name.formula, name.charge);
    } catch (error) {
      problems.push(`${row.where}: ${(error as FormulaError).message}`);
      return;
    }
    clusters.push({
      id,
      formula: name.formula,
      publishedName: row.name,
      composition: name.composition.map(({ element, count }) => ({ element, count })),
      charge: name.charge,
      multiplicity,
      authorsIsomerId: fold ? fold.foldName.isomerId : null,
      cvFold: fold ? fold.cvFold : null,
      nuclearity,
      measurements: [measurement(row.log10K1)],
    });
  };

  for (const { row, name } of byFormula.values()) add(row, name, 'homonuclear', folds.get(name.formula));
  const heteroNames = readNames(raw.heteronuclear, problems);
  raw.heteronuclear.forEach((row, i) => {
    const name = heteroNames[i];
    if (name) add(row, name, 'heteronuclear', undefined);
  });

  const homo = clusters.filter((c) => c.nuclearity === 'homonuclear').length;
  const hetero = clusters.length - homo;
  if (homo !== EXPECTED_COUNTS.homonuclear || hetero !== EXPECTED_COUNTS.heteronuclear) {
    problems.push(
      `expected ${EXPECTED_COUNTS.homonuclear} homonuclear + ${EXPECTED_COUNTS.heteronuclear} heteronuclear = ${EXPECTED_COUNTS.homonuclear + EXPECTED_COUNTS.heteronuclear} clusters, got ${homo} + ${hetero} = ${clusters.length}`,
    );
  }
  const byId = new Map<string, SeedCluster>();
  for (const cluster of clusters) {
    const other = byId.get(cluster.id);
    if (other) problems.push(`id collision: "${other.publishedName}" and "${cluster.publishedName}" both give ${cluster.id}`);
    byId.set(cluster.id, cluster);
    if (encodeURIComponent(cluster.id) !== cluster.id || !/^[A-Za-z0-9-]+$/.test(cluster.id)) {
      problems.push(`id "${cluster.id}" of ${cluster.publishedName} is not URL-safe`);
    }
  }
  if (problems.length > 0) throw new SeedBuildError(problems);

  // Code-unit order, not localeCompare, so the file is the same on every machine.
  clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { dataset: DATASET, sources: [SOURCE], clusters };
}

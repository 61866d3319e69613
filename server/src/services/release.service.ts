import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { deriveClusterProperties } from '../chem/cluster-properties';
import { elementBySymbol, isMetal } from '../chem/elements';
import { elementSetKey } from '../chem/element-set';
import { REACTANTS } from '../chem/reactants';
import type { CypherQuery } from '../db/cypher';
import type { Executor } from '../db/executor';
import type { SubmissionRecord } from '../db/contribution.repository';
import { createClusterQuery, createMeasurementsQuery, currentClusterQuery, newClusterVersionQuery, updateClusterInPlaceQuery } from '../db/publish-query';
import {
  approvedSubmissionsQuery,
  createReleaseQuery,
  ensureFirstReleaseQuery,
  latestReleaseQuery,
  listReleasesQuery,
  releaseByIdempotencyKeyQuery,
  releaseCountsQuery,
  releaseLockQuery,
} from '../db/release-query';
import { createStructuresQuery } from '../load/catalog-load-queries';
import { structureRows } from '../load/catalog-loader';
import type { StructureFile } from '../load/seed-file';
import { ContributionConflictError, readPayload } from './contribution.service';
import { ContributionInputError, validateIdempotencyKey } from './contribution-input';

export interface ReleaseRecord {
  number: number;
  publishedAt: string;
  changelog: string;
  clusterCount: number;
  measurementCount: number;
  structureCount: number;
  reactants: string[];
  datasetVersion: string;
  publishedByName: string | null;
  submissionCount: number;
}

type ReleaseCounts = Pick<ReleaseRecord, 'clusterCount' | 'measurementCount' | 'structureCount' | 'reactants'>;

const MAX_CHANGELOG_LENGTH = 5000;
/** How long a process may answer "latest" from memory before asking Neo4j (another API process may have published). */
const LATEST_TTL_MS = 2000;

type Run = <R = Record<string, unknown>>(query: CypherQuery) => Promise<R[]>;

/**
 * Numbered, immutable releases. A publish is one transaction: it takes the release lock node,
 * writes every approved submission into the catalog as release N+1 (new clusters, measurements,
 * new version nodes for changed clusters; nothing of release N is edited), marks the submissions
 * RELEASED and creates the Release with its counts and changelog.
 */
export class ReleaseService {
  private latestCache: { value: number; at: number } | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The newest release number; memoised briefly so every request does not ask Neo4j. */
  async latest(): Promise<number> {
    const cached = this.latestCache;
    if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached.value;
    const [row] = await this.executor.read<{ latest: number | null }>(latestReleaseQuery(), { purpose: 'latest release' });
    const value = row?.latest ?? 1;
    this.latestCache = { value, at: Date.now() };
    return value;
  }

  /** `latest()`, or the last value it saw while the database cannot answer (cached downloads stay servable). */
  async latestOrKnown(): Promise<number> {
    return this.latest().catch(() => this.latestKnown());
  }

  /** The last value `latest()` saw, without a round trip (response extensions, cache keys). */
  latestKnown(): number {
    return this.latestCache?.value ?? 1;
  }

  async list(): Promise<ReleaseRecord[]> {
    const rows = await this.executor.read<{ r: ReleaseRecord }>(listReleasesQuery(), { purpose: 'list releases' });
    return rows.map((r) => r.r);
  }

  async get(number: number): Promise<ReleaseRecord | null> {
    return (await this.list()).find((r) => r.number === number) ?? null;
  }

  /** Release 1 = the published seed, recorded once with its counts. */
  async ensureFirstRelease(datasetVersion: string, loadedAt: string | null): Promise<void> {
    const [counts] = await this.executor.read<ReleaseCounts>(releaseCountsQuery(1), { purpose: 'release counts' });
    await this.executor.write(
      ensureFirstReleaseQuery({
        ...counts,
        publishedAt: loadedAt ?? this.now().toISOString(),
        changelog: 'Initial release: the published N2 rate constants of Mou et al. (JACS Au 2025, 5, 3669) with GFN2-xTB structures.',
        datasetVersion,
        submissionCount: 0,
      }),
      { purpose: 'first release' },
    );
    this.latestCache = null;
  }

  async publish(viewer: Viewer, changelogText: string, idempotencyKey?: string | null): Promise<ReleaseRecord> {
    const key = validateIdempotencyKey(idempotencyKey);
    const changelog = changelogText.trim();
    if (!changelog) throw new ContributionInputError('changelog', 'say what this release adds; it is shown with the release forever');
    if (changelog.length > MAX_CHANGELOG_LENGTH)
      throw new ContributionInputError('changelog', `is ${changelog.length} characters long; the limit is ${MAX_CHANGELOG_LENGTH}`);
    const number = await this.executor.transaction(
      async (run) => {
        await run(releaseLockQuery());
        if (key) {
          const [again] = await run<{ r: ReleaseRecord }>(releaseByIdempotencyKeyQuery(key));
          if (again) return again.r.number;
        }
        const [{ latest }] = await run<{ latest: number | null }>(latestReleaseQuery());
        const release = (latest ?? 1) + 1;
        const approved = (await run<{ s: SubmissionRecord }>(approvedSubmissionsQuery())).map((r) => r.s);
        if (!approved.length) throw new ContributionConflictError('no approved submissions to publish');
        const lines: string[] = [];
        for (const s of approved) lines.push(await this.apply(run, s, release));
        const [counts] = await run<ReleaseCounts>(releaseCountsQuery(release));
        const at = this.now().toISOString();
        await run(
          createReleaseQuery(
            {
              ...counts,
              number: release,
              publishedAt: at,
              changelog: `${changelog}\n\n${lines.map((l) => `- ${l}`).join('\n')}`,
              idempotencyKey: key,
              datasetVersion: `clusteratlas-release-${release}`,
              submissionCount: approved.length,
            },
            viewer.userId,
            approved.map((s) => s.id),
            { id: randomUUID(), action: 'PUBLISHED', at, detailJson: JSON.stringify({ release, submissions: approved.map((s) => s.id) }) },
          ),
        );
        return release;
      },
      { purpose: 'publish release', timeoutMs: 60_000 },
    );
    this.latestCache = { value: number, at: Date.now() };
    return (await this.get(number))!;
  }

  /** Writes one approved submission into release `release`; returns its changelog line. */
  private async apply(run: Run, s: SubmissionRecord, release: number): Promise<string> {
    const payload = readPayload(s);
    const [existing] = await run<{ c: Record<string, unknown> }>(currentClusterQuery(s.clusterId));
    let created = false;
    if (!existing) {
      const composition = payload.cluster.composition;
      const metals = composition.filter((p) => isMetal(p.element)).map((p) => p.element);
      const structure = s.structureState === 'COMPLETED' && s.structureJson ? (JSON.parse(s.structureJson) as StructureFile) : null;
      const props = {
        id: payload.cluster.id,
        fromRelease: release,
        formula: payload.cluster.formula,
        publishedName: `${payload.cluster.formula}${payload.cluster.charge === 0 ? '' : payload.cluster.charge < 0 ? '⁻' : '⁺'}`,
        charge: payload.cluster.charge,
        multiplicity: payload.cluster.multiplicity ?? structure?.multiplicity ?? null,
        authorsIsomerId: null,
        cvFold: null,
        nuclearity: metals.length <= 1 ? 'homonuclear' : 'heteronuclear',
        compositionElements: composition.map((p) => p.element),
        compositionCounts: composition.map((p) => p.count),
        elementSet: elementSetKey(composition.map((p) => p.element)),
        hasStructure: structure !== null,
        submissionId: s.id,
        ...deriveClusterProperties({ composition, charge: payload.cluster.charge, measurements: [] }),
      };
      await run(
        createClusterQuery(
          props,
          composition.map((p) => ({ element: p.element, count: p.count, atomicNumber: elementBySymbol(p.element)!.atomicNumber, isMetal: isMetal(p.element) })),
        ),
      );
      if (structure) {
        const rows = structureRows({ ...structure, clusterId: payload.cluster.id });
        if (rows.length) await run(createStructuresQuery(rows));
      }
      created = true;
    }
    if (payload.measurements.length) {
      await run(
        createMeasurementsQuery(
          s.clusterId,
          payload.measurements.map((m, i) => {
            const reactant = REACTANTS.get(m.reactant)!;
            return {
              props: {
                id: `${s.clusterId}:submission-${s.id}:${i}`,
                log10K1: m.log10K1,
                k1Cm3PerMoleculeS: m.k1Cm3PerMoleculeS,
                k1UncertaintyCm3PerMoleculeS: m.k1UncertaintyCm3PerMoleculeS,
                temperatureK: m.temperatureK,
                pressurePa: m.pressurePa,
                technique: m.technique,
                techniqueDetail: m.techniqueDetail,
                notes: m.notes,
                captureLimitExplanation: m.captureLimitExplanation,
                fromRelease: release,
                submissionId: s.id,
              },
              source: m.doi
                ? { id: `doi:${m.doi.toLowerCase()}`, doi: m.doi, citation: m.citation, url: `https://doi.org/${m.doi}` }
                : { id: `submission:${s.id}:${i}`, doi: null, citation: m.citation, url: null },
              reactant: {
                formula: reactant.formula,
                name: reactant.name,
                polarizabilityAngstrom3: reactant.polarizabilityAngstrom3,
                massU: reactant.massU,
                dipoleDebye: reactant.dipoleDebye,
              },
            };
          }),
        ),
      );
      await this.refreshHeadline(run, s.clusterId, release, created);
    }
    const who = s.submittedByName;
    const rates = payload.measurements.map((m) => `${m.reactant} k1 = ${m.k1Cm3PerMoleculeS.toExponential(2)} cm³ molecule⁻¹ s⁻¹`).join('; ');
    return created
      ? `New cluster ${s.clusterId}${rates ? ` with ${rates}` : ''} (submission ${s.id}, ${who})`
      : `${s.clusterId}: new measurement ${rates} (submission ${s.id}, ${who})`;
  }

  /** The headline N2 rate follows the cluster's N2 measurements; a change opens a new version node unless the cluster is new in this release. */
  private async refreshHeadline(run: Run, clusterId: string, release: number, createdNow: boolean): Promise<void> {
    const [row] = await run<{
      c: Record<string, unknown> & { fromRelease: number; compositionElements: string[]; compositionCounts: number[]; charge: number; log10K1: number | null };
      measurements: Array<{ log10K1: number; reactant: string }>;
    }>(currentClusterQuery(clusterId));
    const c = row.c;
    const n2 = row.measurements.filter((m) => m.reactant === 'N2');
    const derived = deriveClusterProperties({
      composition: c.compositionElements.map((element, i) => ({ element, count: c.compositionCounts[i] })),
      charge: c.charge,
      measurements: n2,
    });
    const changes = { log10K1: derived.log10K1, k1Cm3PerMoleculeS: derived.k1Cm3PerMoleculeS, efficiency: derived.efficiency };
    if (createdNow || c.fromRelease === release) {
      await run(updateClusterInPlaceQuery(clusterId, release, changes));
    } else if (c.log10K1 !== derived.log10K1) {
      await run(newClusterVersionQuery(clusterId, release, changes));
    }
  }
}

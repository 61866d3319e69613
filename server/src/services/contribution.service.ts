import { createHash, randomUUID } from 'node:crypto';
import { hasRole, type Viewer } from '../auth/viewer';
import type { StructureFile } from '../load/seed-file';
import {
  isConstraintViolation,
  type AuditEventRecord,
  type ContributionRepository,
  type StructureState,
  type SubmissionRecord,
  type SubmissionStatus,
} from '../db/contribution.repository';
import type { CatalogService, ClusterView } from './catalog.service';
import {
  ContributionInputError,
  validateCluster,
  validateClusterSubmission,
  validateIdempotencyKey,
  validateMeasurement,
  type ClusterRef,
  type MeasurementInput,
  type ValidClusterSubmission,
  type ValidMeasurement,
} from './contribution-input';

/** What the structure-job queue offers the contribution service (jobs/structure-jobs.ts implements it over BullMQ). */
export interface StructureJobQueue {
  enqueue(spec: {
    submissionId: string;
    clusterId: string;
    formula: string;
    charge: number;
    multiplicity?: number | null;
    xyz?: string | null;
  }): Promise<string>;
  status(jobId: string): Promise<{ state: string; progress: number; attemptsMade: number; failedReason: string | null }>;
}

/** The payload stored on a submission: the contribution after validation, in catalog units. */
export interface SubmissionPayload {
  cluster: {
    id: string;
    formula: string;
    charge: number;
    multiplicity: number | null;
    atomCount: number;
    composition: Array<{ element: string; count: number }>;
  };
  xyz: string | null;
  measurements: ValidMeasurement[];
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A decision or comment that cannot happen in the submission's current state (409). */
export class ContributionConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContributionConflictError';
  }
}

/** The submission does not exist or the caller may not see it: both read as "not found" (404). */
export class SubmissionNotFoundError extends Error {
  constructor(id: string) {
    super(`submission "${id.slice(0, 60)}" not found`);
    this.name = 'SubmissionNotFoundError';
  }
}

const MAX_COMMENT_LENGTH = 2000;

function hashPayload(payload: SubmissionPayload, kind: string): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, payload]))
    .digest('hex');
}

export function readPayload(s: SubmissionRecord): SubmissionPayload {
  return JSON.parse(s.payloadJson) as SubmissionPayload;
}

function fmtK1(k: number | null | undefined): string | null {
  return k == null ? null : `${k.toExponential(2)} cm³ molecule⁻¹ s⁻¹`;
}

export class ContributionService {
  constructor(
    private readonly repo: ContributionRepository,
    private readonly catalog: CatalogService,
    private readonly jobs: StructureJobQueue | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submitMeasurement(
    viewer: Viewer,
    input: { cluster: ClusterRef; measurement: MeasurementInput },
    idempotencyKey?: string | null,
  ): Promise<SubmissionRecord> {
    const key = validateIdempotencyKey(idempotencyKey);
    const cluster = validateCluster(input.cluster, 'cluster');
    const measurement = validateMeasurement(input.measurement, cluster, 'measurement');
    const [current] = await this.catalog.byIds([cluster.id]);
    if (!current) {
      throw new ContributionInputError(
        'cluster',
        `${cluster.formula} with charge ${cluster.charge} is not in the catalog yet; submit it with submitCluster, which can carry this measurement`,
      );
    }
    const payload: SubmissionPayload = {
      cluster: { ...this.clusterSummary(cluster), multiplicity: cluster.multiplicity ?? current.multiplicity ?? null },
      xyz: null,
      measurements: [measurement],
    };
    return this.store(viewer, 'MEASUREMENT', payload, key, 'NOT_NEEDED');
  }

  async submitCluster(
    viewer: Viewer,
    input: ClusterRef & { xyz?: string | null; measurements?: MeasurementInput[] | null },
    idempotencyKey?: string | null,
  ): Promise<SubmissionRecord> {
    const key = validateIdempotencyKey(idempotencyKey);
    const valid: ValidClusterSubmission = validateClusterSubmission(input);
    const [current] = await this.catalog.byIds([valid.id]);
    if (current) {
      throw new ContributionInputError(
        'cluster',
        `${valid.formula} with charge ${valid.charge} is already in the catalog (${valid.id}); submit new rates for it with submitMeasurement`,
      );
    }
    const payload: SubmissionPayload = { cluster: this.clusterSummary(valid), xyz: valid.xyz, measurements: valid.measurements };
    const stored = await this.store(viewer, 'CLUSTER', payload, key, 'QUEUED');
    await this.enqueueStructure(stored);
    return (await this.repo.byId(stored.id)) ?? stored;
  }

  private clusterSummary(c: {
    id: string;
    formula: string;
    charge: number;
    multiplicity: number | null;
    atomCount: number;
    composition: Array<{ element: string; count: number }>;
  }) {
    return {
      id: c.id,
      formula: c.formula,
      charge: c.charge,
      multiplicity: c.multiplicity,
      atomCount: c.atomCount,
      composition: c.composition.map((p) => ({ element: p.element, count: p.count })),
    };
  }

  private async store(
    viewer: Viewer,
    kind: 'MEASUREMENT' | 'CLUSTER',
    payload: SubmissionPayload,
    key: string | null,
    structureState: StructureState,
  ): Promise<SubmissionRecord> {
    const payloadHash = hashPayload(payload, kind);
    const scope = key === null ? null : `${viewer.userId}:${key}`;
    const replay = async () => {
      const existing = scope === null ? null : await this.repo.byScope(scope);
      if (existing && existing.payloadHash !== payloadHash) {
        throw new ContributionConflictError('this idempotency key was already used for a different submission; use a new key for new data');
      }
      return existing;
    };
    const earlier = await replay();
    if (earlier) return earlier;
    const at = this.now().toISOString();
    const id = randomUUID();
    const props = {
      id,
      kind,
      status: 'PENDING',
      clusterId: payload.cluster.id,
      formula: payload.cluster.formula,
      charge: payload.cluster.charge,
      multiplicity: payload.cluster.multiplicity,
      payloadJson: JSON.stringify(payload),
      payloadHash,
      idempotencyScope: scope,
      createdAt: at,
      updatedAt: at,
      structureState,
      xyz: payload.xyz,
    };
    const audit = { id: randomUUID(), action: 'SUBMITTED', at, detailJson: JSON.stringify({ kind, clusterId: payload.cluster.id }) };
    try {
      return await this.repo.create(props, viewer.userId, audit);
    } catch (err) {
      // The same key sent twice at once: the unique constraint lets one in; the other answers with it.
      if (isConstraintViolation(err)) {
        const winner = await replay();
        if (winner) return winner;
      }
      throw err;
    }
  }

  /** Puts the structure search on the queue; when the queue is unreachable the submission stays QUEUED and `requeueAwaiting` retries. */
  private async enqueueStructure(s: {
    id: string;
    clusterId: string;
    formula: string;
    charge: number;
    multiplicity: number | null;
    xyz: string | null;
  }): Promise<void> {
    if (!this.jobs) return;
    try {
      const jobId = await this.jobs.enqueue({
        submissionId: s.id,
        clusterId: s.clusterId,
        formula: s.formula,
        charge: s.charge,
        multiplicity: s.multiplicity,
        xyz: s.xyz,
      });
      await this.repo.setStructureResult(s.id, { structureJobId: jobId });
    } catch {
      // Left QUEUED without a job id; requeueAwaiting() enqueues it (job ids are per submission, so twice is once).
    }
  }

  /** Enqueues every submission still waiting for a structure (at start, and periodically): no job is lost if the queue was down at submit time. */
  async requeueAwaiting(): Promise<number> {
    if (!this.jobs) return 0;
    const waiting = await this.repo.awaitingStructure();
    for (const s of waiting) await this.enqueueStructure(s);
    return waiting.length;
  }

  async structureCompleted(submissionId: string, file: StructureFile): Promise<void> {
    await this.repo.setStructureResult(submissionId, {
      structureState: 'COMPLETED',
      structureJson: JSON.stringify(file),
      structureError: null,
      updatedAt: this.now().toISOString(),
    });
  }

  async structureFailed(submissionId: string, reason: string): Promise<void> {
    await this.repo.setStructureResult(submissionId, { structureState: 'FAILED', structureError: reason.slice(0, 500), updatedAt: this.now().toISOString() });
  }

  async structureStarted(submissionId: string): Promise<void> {
    await this.repo.setStructureResult(submissionId, { structureState: 'RUNNING', updatedAt: this.now().toISOString() });
  }

  jobStatus(jobId: string) {
    return this.jobs ? this.jobs.status(jobId).catch(() => null) : Promise.resolve(null);
  }

  /** Contributors see only their own submissions; curators and admins see all. */
  async get(viewer: Viewer, id: string): Promise<SubmissionRecord> {
    const s = id.length <= 100 ? await this.repo.byId(id) : null;
    if (!s || (!hasRole(viewer, 'curator') && s.submittedBy !== viewer.userId)) throw new SubmissionNotFoundError(id);
    return s;
  }

  list(viewer: Viewer, filter: { status?: SubmissionStatus | null; mine?: boolean | null }, page: { offset: number; limit: number }) {
    const onlyOwn = !hasRole(viewer, 'curator') || filter.mine === true;
    return this.repo.list({ status: filter.status ?? null, submittedBy: onlyOwn ? viewer.userId : null }, page);
  }

  auditTrail(id: string): Promise<AuditEventRecord[]> {
    return this.repo.auditTrail(id);
  }

  async review(viewer: Viewer, id: string, decision: 'APPROVE' | 'REJECT', comment: string | null): Promise<SubmissionRecord> {
    const text = comment?.trim() || null;
    if (text && text.length > MAX_COMMENT_LENGTH)
      throw new ContributionInputError('comment', `is ${text.length} characters long; the limit is ${MAX_COMMENT_LENGTH}`);
    if (decision === 'REJECT' && !text) throw new ContributionInputError('comment', 'say why the submission is rejected; the contributor reads it');
    const s = await this.get(viewer, id);
    if (s.status !== 'PENDING') throw new ContributionConflictError(`submission is already ${s.status.toLowerCase()}`);
    if (decision === 'APPROVE') {
      if (s.structureState === 'QUEUED' || s.structureState === 'RUNNING') {
        throw new ContributionConflictError('its structure is still being computed; approve it when the job has finished (or failed)');
      }
      if (s.kind === 'CLUSTER' && (await this.catalog.byIds([s.clusterId]))[0]) {
        throw new ContributionConflictError(`${s.clusterId} has entered the catalog since this was submitted; its rates must come as a measurement submission`);
      }
    }
    const at = this.now().toISOString();
    const status: SubmissionStatus = decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    const decided = await this.repo.decide(
      id,
      'PENDING',
      { status, decidedBy: viewer.userId, decidedAt: at, updatedAt: at, ...(decision === 'APPROVE' ? { approvedAt: at } : {}) },
      viewer.userId,
      { id: randomUUID(), action: status, at, detailJson: JSON.stringify({ comment: text, from: 'PENDING', to: status }) },
    );
    if (!decided) throw new ContributionConflictError('another curator decided this submission a moment ago; reload it');
    return decided;
  }

  async comment(viewer: Viewer, id: string, text: string): Promise<void> {
    const body = text.trim();
    if (!body) throw new ContributionInputError('text', 'is empty');
    if (body.length > MAX_COMMENT_LENGTH) throw new ContributionInputError('text', `is ${body.length} characters long; the limit is ${MAX_COMMENT_LENGTH}`);
    await this.get(viewer, id);
    await this.repo.comment(id, viewer.userId, {
      id: randomUUID(),
      action: 'COMMENTED',
      at: this.now().toISOString(),
      detailJson: JSON.stringify({ comment: body }),
    });
  }

  /** What releasing the submission would change in the catalog, field by field, against the current record. */
  async diff(s: SubmissionRecord): Promise<FieldChange[]> {
    const payload = readPayload(s);
    const [current] = await this.catalog.byIds([s.clusterId]);
    return submissionDiff(payload, current ?? null, s.structureState);
  }
}

/** Pure: the changes a payload makes to a cluster record (null: a new cluster). */
export function submissionDiff(payload: SubmissionPayload, current: ClusterView | null, structureState: StructureState): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!current) {
    changes.push({ field: 'cluster', before: null, after: `${payload.cluster.formula} (charge ${payload.cluster.charge}), new cluster ${payload.cluster.id}` });
    if (payload.cluster.multiplicity !== null) changes.push({ field: 'multiplicity', before: null, after: String(payload.cluster.multiplicity) });
    changes.push({
      field: 'structure',
      before: null,
      after: payload.xyz ? 'submitted XYZ, optimised with GFN2-xTB' : `GFN2-xTB structure search (${structureState.toLowerCase()})`,
    });
  }
  const n2 = payload.measurements.filter((m) => m.reactant === 'N2');
  for (const m of payload.measurements) {
    changes.push({
      field: `measurement (${m.reactant})`,
      before: null,
      after: `${fmtK1(m.k1Cm3PerMoleculeS)}${m.temperatureK !== null ? ` at ${m.temperatureK} K` : ''}, ${m.technique.toLowerCase().replace(/_/g, ' ')}; ${m.doi ?? m.citation}`,
    });
  }
  if (n2.length) {
    // The headline N2 rate is the mean of log10 k1 over the cluster's N2 measurements (chem/cluster-properties.ts).
    const before = current?.log10K1 ?? null;
    const count = before === null ? 0 : 1;
    changes.push({
      field: 'headline log10 k1 (N2)',
      before: before === null ? null : before.toFixed(2),
      after: count === 0 ? (n2.reduce((s, m) => s + m.log10K1, 0) / n2.length).toFixed(2) : 'mean of all N2 measurements (recomputed at release)',
    });
  }
  return changes;
}

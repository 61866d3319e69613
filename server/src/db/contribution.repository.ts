import type { CypherQuery } from './cypher';
import type { Executor } from './executor';
import {
  auditTrailQuery,
  awaitingStructureQuery,
  commentQuery,
  createSubmissionQuery,
  decideSubmissionQuery,
  listSubmissionsQuery,
  structureResultQuery,
  submissionByIdQuery,
  submissionByScopeQuery,
} from './submission-query';

export type SubmissionKind = 'MEASUREMENT' | 'CLUSTER';
export type SubmissionStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'RELEASED';
export type StructureState = 'NOT_NEEDED' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** A :Submission node as stored, with its submitter. */
export interface SubmissionRecord {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  clusterId: string;
  formula: string;
  charge: number;
  multiplicity: number | null;
  payloadJson: string;
  payloadHash: string;
  createdAt: string;
  updatedAt: string;
  submittedBy: string;
  submittedByName: string;
  structureState: StructureState;
  structureJobId: string | null;
  structureJson: string | null;
  structureError: string | null;
  xyz: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  approvedAt: string | null;
  releaseNumber: number | null;
}

export interface AuditEventRecord {
  id: string;
  action: string;
  at: string;
  detailJson: string | null;
  actorId: string;
  actorName: string;
}

/** Neo4j's code for a uniqueness-constraint violation (a concurrent submission with the same idempotency key). */
export function isConstraintViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

export class ContributionRepository {
  constructor(readonly executor: Executor) {}

  private async one<T>(query: CypherQuery, purpose: string, write = false): Promise<T | null> {
    const rows = write ? await this.executor.write<{ s: T }>(query, { purpose }) : await this.executor.read<{ s: T }>(query, { purpose });
    return rows[0]?.s ?? null;
  }

  byScope(scope: string): Promise<SubmissionRecord | null> {
    return this.one(submissionByScopeQuery(scope), 'submission by idempotency key');
  }

  byId(id: string): Promise<SubmissionRecord | null> {
    return this.one(submissionByIdQuery(id), 'submission by id');
  }

  async create(props: Record<string, unknown>, userId: string, audit: Record<string, unknown>): Promise<SubmissionRecord> {
    const created = await this.one<SubmissionRecord>(createSubmissionQuery(props, userId, audit), 'create submission', true);
    if (!created) throw new Error(`user ${userId} does not exist`);
    return created;
  }

  async list(filter: { status?: string | null; submittedBy?: string | null }, page: { offset: number; limit: number }) {
    const [row] = await this.executor.read<{ total: number; items: SubmissionRecord[] }>(listSubmissionsQuery(filter, page), { purpose: 'list submissions' });
    return row ?? { total: 0, items: [] };
  }

  /** The decision, or null when the submission was no longer in `fromStatus` (rolled back, nothing written). */
  async decide(
    id: string,
    fromStatus: SubmissionStatus,
    set: Record<string, unknown>,
    userId: string,
    audit: Record<string, unknown>,
  ): Promise<SubmissionRecord | null> {
    const NOT_IN_STATE = Symbol('not in state');
    try {
      return await this.executor.transaction(
        async (run) => {
          const rows = await run<{ s: SubmissionRecord }>(decideSubmissionQuery(id, fromStatus, set, userId, audit));
          // Throwing rolls the lock write back, so a losing curator leaves no trace.
          if (!rows[0]) throw NOT_IN_STATE;
          return rows[0].s;
        },
        { purpose: 'decide submission' },
      );
    } catch (err) {
      if (err === NOT_IN_STATE) return null;
      throw err;
    }
  }

  async comment(id: string, userId: string, audit: Record<string, unknown>): Promise<void> {
    await this.executor.write(commentQuery(id, userId, audit), { purpose: 'comment on submission' });
  }

  auditTrail(id: string): Promise<AuditEventRecord[]> {
    return this.executor.read<{ e: AuditEventRecord }>(auditTrailQuery(id), { purpose: 'submission audit trail' }).then((rows) => rows.map((r) => r.e));
  }

  async setStructureResult(id: string, set: Record<string, unknown>): Promise<boolean> {
    const rows = await this.executor.write(structureResultQuery(id, set), { purpose: 'structure job result' });
    return rows.length > 0;
  }

  awaitingStructure() {
    return this.executor.read<{ id: string; clusterId: string; formula: string; charge: number; multiplicity: number | null; xyz: string | null }>(
      awaitingStructureQuery(),
      { purpose: 'submissions awaiting a structure' },
    );
  }
}

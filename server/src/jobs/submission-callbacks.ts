import type { Executor } from '../db/executor';
import { ContributionRepository } from '../db/contribution.repository';
import type { StructureWorkerCallbacks } from './structure-worker';

/**
 * What a finished structure job does: the structure file goes onto its submission in Neo4j
 * (staged, not in the catalog until a release), a job that gave up records why. Both writes are
 * idempotent (a job whose lock was lost may finish twice) and ignore decided submissions.
 */
export function submissionCallbacks(executor: Executor, log: (line: string) => void): StructureWorkerCallbacks {
  const repo = new ContributionRepository(executor);
  return {
    async onResult(spec, file) {
      const stored = await repo.setStructureResult(spec.submissionId, {
        structureState: 'COMPLETED',
        structureJson: JSON.stringify(file),
        structureError: null,
        updatedAt: new Date().toISOString(),
      });
      log(
        `structure for submission ${spec.submissionId} (${spec.clusterId}): M=${file.multiplicity}, ${file.isomers.length} isomer(s)${stored ? '' : ' — submission already decided, not stored'}`,
      );
    },
    async onFailed(spec, reason) {
      await repo.setStructureResult(spec.submissionId, { structureState: 'FAILED', structureError: reason.slice(0, 500), updatedAt: new Date().toISOString() });
      log(`structure search for submission ${spec.submissionId} (${spec.clusterId}) failed for good: ${reason}`);
    },
  };
}

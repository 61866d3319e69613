import type { Executor } from '../server/src/db/executor';
import { newArm, type Arm } from './graph-report';
import type { GraphqlBody, GraphqlRequest, WorkloadItem } from './graph-workload';

/**
 * bench:graph's two timing arms over one workload: the API over HTTP GraphQL and the same
 * Cypher run raw through the executor. Every timed answer is checked against the first page both
 * arms agreed on, so a fast wrong answer counts as an error, not a sample.
 */
export function queryArms(apiUrl: string, executor: Executor) {
  const graphql = async (request: GraphqlRequest): Promise<{ ms: number; body: GraphqlBody }> => {
    const start = performance.now();
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    try {
      return { ms, body: JSON.parse(text) as GraphqlBody };
    } catch {
      return { ms, body: { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 120)}` }] } };
    }
  };
  const raw = async (item: WorkloadItem, timeoutMs: number): Promise<{ ms: number; rows: Record<string, unknown>[] }> => {
    const start = performance.now();
    const rows = await executor.read(item.raw, { purpose: 'bench raw', timeoutMs });
    return { ms: performance.now() - start, rows };
  };

  /** The expected first page of every item, from both arms, which must agree and be non-empty. */
  const expectedIds = new Map<string, string>();
  const expect = async (items: WorkloadItem[], timeoutMs: number) => {
    for (const item of items) {
      const g = await graphql(item.graphql);
      const r = await raw(item, timeoutMs);
      const gIds = item.graphqlIds(g.body);
      const rIds = item.rawIds(r.rows);
      if (!gIds.length) throw new Error(`${item.label}: the GraphQL answer is empty`);
      if (gIds.join() !== rIds.join()) throw new Error(`${item.label}: GraphQL and raw Cypher return different first pages`);
      expectedIds.set(item.label, gIds.join());
    }
  };
  /** Interleaved rounds (item by item, GraphQL then raw) so drifting machine load hits both arms alike. */
  const measure = async (items: WorkloadItem[], rounds: number, timeoutMs: number, arms: { graphql: boolean; raw: boolean }) => {
    const result = new Map(items.map((item) => [item.label, { graphql: newArm(), raw: newArm() }]));
    for (let round = 0; round < rounds; round++) {
      for (const item of items) {
        const byArm = result.get(item.label)!;
        if (arms.graphql) {
          const g = await graphql(item.graphql);
          byArm.graphql.samplesMs.push(g.ms);
          try {
            if (item.graphqlIds(g.body).join() !== expectedIds.get(item.label)) byArm.graphql.errors.push('different first page');
          } catch (err) {
            byArm.graphql.errors.push((err as Error).message.slice(0, 120));
          }
        }
        if (arms.raw) {
          try {
            const r = await raw(item, timeoutMs);
            byArm.raw.samplesMs.push(r.ms);
            if (item.rawIds(r.rows).join() !== expectedIds.get(item.label)) byArm.raw.errors.push('different first page');
          } catch (err) {
            byArm.raw.errors.push((err as Error).message.slice(0, 120));
          }
        }
      }
    }
    const pooled = (arm: 'graphql' | 'raw'): Arm => ({
      samplesMs: [...result.values()].flatMap((r) => r[arm].samplesMs),
      errors: [...result.values()].flatMap((r) => r[arm].errors),
    });
    return { byItem: result, graphql: pooled('graphql'), raw: pooled('raw') };
  };
  return { graphql, raw, expect, measure };
}

import { candidateElementSetKeys } from '../chem/element-set';
import type { ElementCountRange } from '../chem/formula-pattern';
import type { CypherQuery } from './cypher';
import { clusterInRelease, measurementInRelease, type ReleaseNumber } from './release-scope';

export interface NumberRange {
  min?: number | null;
  max?: number | null;
}

/** Catalog search criteria, already validated (element symbols checked against the periodic table). */
export interface ClusterCriteria {
  ids?: string[];
  /** Every range must hold. */
  elementCounts?: ElementCountRange[];
  /** Only these elements may occur (from an exclusive formula pattern or `elements.only`). */
  onlyElements?: string[];
  allOfElements?: string[];
  anyOfElements?: string[];
  noneOfElements?: string[];
  charges?: number[];
  atomCount?: NumberRange;
  metalAtomCount?: NumberRange;
  log10K1?: NumberRange;
  nuclearity?: 'homonuclear' | 'heteronuclear';
  hasStructure?: boolean;
  /** Clusters with at least one measurement of this reactant (formula, e.g. "N2", "CO"). */
  reactant?: string;
  /** The release to read (null: the current one). */
  release?: ReleaseNumber;
}

export type ClusterOrderField = 'LOG10K1' | 'ATOM_COUNT' | 'FORMULA' | 'METAL_ATOMS' | 'CHARGE' | 'EFFICIENCY';
export type SortDirection = 'ASC' | 'DESC';

export interface ClusterOrder {
  field: ClusterOrderField;
  direction: SortDirection;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

// Property names come only from this table, never from input.
const ORDER_PROPERTY: Record<ClusterOrderField, string> = {
  LOG10K1: 'c.log10K1',
  ATOM_COUNT: 'c.atomCount',
  FORMULA: 'c.formulaSortKey',
  METAL_ATOMS: 'c.metalAtomCount',
  CHARGE: 'c.charge',
  EFFICIENCY: 'c.efficiency',
};

/** Builds the WHERE conditions for `c:Cluster`; every value is a parameter. */
export function clusterConditions(criteria: ClusterCriteria, paramPrefix = 'f'): { where: string; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const p = (name: string, value: unknown) => {
    const key = `${paramPrefix}_${name}`;
    params[key] = value;
    return `$${key}`;
  };
  const range = (prop: string, name: string, r: NumberRange | undefined) => {
    if (!r) return;
    if (r.min != null) conditions.push(`${prop} >= ${p(`${name}Min`, r.min)}`);
    if (r.max != null) conditions.push(`${prop} <= ${p(`${name}Max`, r.max)}`);
  };

  const scope = clusterInRelease('c', criteria.release, `${paramPrefix}_release`);
  conditions.push(scope.condition);
  Object.assign(params, scope.params);
  if (criteria.ids?.length) conditions.push(`c.id IN ${p('ids', criteria.ids)}`);
  criteria.elementCounts?.forEach((r, i) => {
    const el = () => p(`el${i}`, r.element);
    if (r.min > 0) {
      const upper = r.max != null ? ` AND r.count <= ${p(`el${i}Max`, r.max)}` : '';
      conditions.push(`EXISTS { MATCH (c)-[r:CONTAINS]->(:Element {symbol: ${el()}}) WHERE r.count >= ${p(`el${i}Min`, r.min)}${upper} }`);
    } else if (r.max != null) {
      conditions.push(`NOT EXISTS { MATCH (c)-[r:CONTAINS]->(:Element {symbol: ${el()}}) WHERE r.count > ${p(`el${i}Max`, r.max)} }`);
    }
  });
  if (criteria.onlyElements) {
    // Present for sure: elements with a minimum count ≥ 1 and those named in allOf.
    const required = [...(criteria.elementCounts ?? []).filter((r) => r.min > 0).map((r) => r.element), ...(criteria.allOfElements ?? [])];
    const keys = candidateElementSetKeys(criteria.onlyElements, required);
    // An index seek on the stored element-set key instead of testing every cluster's list.
    if (keys) conditions.push(`c.elementSet IN ${p('elementSets', keys)}`);
    else conditions.push(`all(e IN c.elements WHERE e IN ${p('only', criteria.onlyElements)})`);
  }
  if (criteria.allOfElements?.length) conditions.push(`all(e IN ${p('allOf', criteria.allOfElements)} WHERE e IN c.elements)`);
  if (criteria.anyOfElements?.length) conditions.push(`any(e IN ${p('anyOf', criteria.anyOfElements)} WHERE e IN c.elements)`);
  if (criteria.noneOfElements?.length) conditions.push(`none(e IN ${p('noneOf', criteria.noneOfElements)} WHERE e IN c.elements)`);
  if (criteria.charges?.length) conditions.push(`c.charge IN ${p('charges', criteria.charges)}`);
  range('c.atomCount', 'atoms', criteria.atomCount);
  range('c.metalAtomCount', 'metals', criteria.metalAtomCount);
  range('c.log10K1', 'log10K1', criteria.log10K1);
  if (criteria.nuclearity) conditions.push(`c.nuclearity = ${p('nuclearity', criteria.nuclearity)}`);
  if (criteria.reactant) {
    const m = measurementInRelease('m', criteria.release, `${paramPrefix}_release`);
    conditions.push(
      `EXISTS { MATCH (m:Measurement)-[:OF]->(c), (m)-[:WITH]->(:Reactant {formula: ${p('reactant', criteria.reactant)}}) WHERE ${m.condition} }`,
    );
  }
  if (criteria.hasStructure != null) {
    conditions.push(`${criteria.hasStructure ? '' : 'NOT '}EXISTS { (c)-[:HAS_STRUCTURE]->(:Structure) }`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join('\n  AND ')}` : '', params };
}

/** One round trip: the total count and one ordered page of cluster property maps. */
export function clusterSearchQuery(criteria: ClusterCriteria, order: ClusterOrder, page: PageWindow): CypherQuery {
  const { where, params } = clusterConditions(criteria);
  const dir = order.direction === 'DESC' ? 'DESC' : 'ASC';
  // Clusters without a value (e.g. φ of a neutral) sort last in both directions.
  const prop = ORDER_PROPERTY[order.field];
  // One pass: the filter runs once, and only the requested page is projected.
  const cypher = `MATCH (c:Cluster)
${where}
WITH c ORDER BY ${prop} IS NULL, ${prop} ${dir}, c.id ASC
WITH collect(c) AS matched
RETURN size(matched) AS total, [x IN matched[toInteger($offset)..toInteger($offset) + toInteger($limit)] | x {.*}] AS nodes`;
  return { cypher, params: { ...params, offset: page.offset, limit: page.limit } };
}

export function clustersByIdsQuery(ids: readonly string[], release: ReleaseNumber = null): CypherQuery {
  const scope = clusterInRelease('c', release, 'release');
  return { cypher: `MATCH (c:Cluster) WHERE c.id IN $ids AND ${scope.condition} RETURN c {.*} AS c`, params: { ids, ...scope.params } };
}

export function clusterByFormulaQuery(formula: string, charge: number, release: ReleaseNumber = null): CypherQuery {
  const scope = clusterInRelease('c', release, 'release');
  return {
    cypher: `MATCH (c:Cluster {formula: $formula, charge: $charge}) WHERE ${scope.condition} RETURN c {.*} AS c LIMIT 1`,
    params: { formula, charge, ...scope.params },
  };
}

/** Counts per element, charge, atom count, nuclearity and metal family, and the log10 k1 range, over the matching clusters. */
export function clusterFacetsQuery(criteria: ClusterCriteria): CypherQuery {
  const { where, params } = clusterConditions(criteria);
  const measured = measurementInRelease('m', criteria.release, 'f_release');
  // expr comes only from the calls below, never from input.
  const bucket = (expr: string, name: string) =>
    `CALL { WITH cs UNWIND cs AS c WITH ${expr} AS k, count(*) AS n ORDER BY k RETURN collect({key: k, count: n}) AS ${name} }`;
  return {
    cypher: `MATCH (c:Cluster)
${where}
WITH collect(c) AS cs
CALL { WITH cs UNWIND cs AS c UNWIND c.elements AS k WITH k, count(*) AS n ORDER BY k RETURN collect({key: k, count: n}) AS byElement }
${bucket('c.charge', 'byCharge')}
${bucket('c.atomCount', 'byAtomCount')}
${bucket('c.nuclearity', 'byNuclearity')}
${bucket('c.metalFamily', 'byMetalFamily')}
CALL { WITH cs UNWIND cs AS c RETURN min(c.log10K1) AS log10K1Min, max(c.log10K1) AS log10K1Max }
CALL {
  WITH cs UNWIND cs AS c
  MATCH (m:Measurement)-[:OF]->(c) WHERE ${measured.condition}
  MATCH (m)-[:WITH]->(r:Reactant)
  WITH r.formula AS k, count(DISTINCT c) AS n ORDER BY k
  RETURN collect({key: k, count: n}) AS byReactant
}
RETURN size(cs) AS total, byElement, byCharge, byAtomCount, byNuclearity, byMetalFamily, byReactant, log10K1Min, log10K1Max`,
    params: { ...params, ...measured.params },
  };
}

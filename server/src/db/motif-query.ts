import type { MotifPattern } from '../chem/motif-pattern';
import { clusterConditions, type ClusterCriteria } from './cluster-query';
import type { CypherQuery } from './cypher';

/**
 * The MATCH/WHERE for one pattern inside a structure `s`. Atoms joined by pattern bonds are
 * reached through BOND relationships; the first atom of each connected part of the pattern is
 * anchored to `s` with HAS_ATOM. Element labels come from the validated pattern (periodic-table
 * whitelist), every other value is a parameter.
 */
export function motifMatchClause(pattern: MotifPattern, params: Record<string, unknown>): { match: string; where: string; atomVars: string[] } {
  const n = pattern.atoms.length;
  const atomVars = pattern.atoms.map((_, i) => `a${i}`);
  const anchored = new Array<boolean>(n).fill(false);
  const reached = new Array<boolean>(n).fill(false);
  const parts: string[] = [];
  const conditions: string[] = [];

  const label = (i: number) => {
    const el = pattern.atoms[i].element;
    return el ? `:Atom:\`${el}\`` : ':Atom';
  };
  // Walk each connected part of the pattern from its lowest atom; every pattern bond becomes a
  // named relationship of the MATCH (tree bonds while walking, ring-closing bonds after), so
  // its minimum order is a plain property filter instead of an EXISTS subquery per bond.
  const placed = new Array<boolean>(pattern.bonds.length).fill(false);
  for (let start = 0; start < n; start++) {
    if (reached[start]) continue;
    parts.push(`(s)-[:HAS_ATOM]->(${atomVars[start]}${label(start)})`);
    anchored[start] = true;
    reached[start] = true;
    const queue = [start];
    while (queue.length) {
      const i = queue.shift()!;
      pattern.bonds.forEach((b, k) => {
        const j = b.a === i ? b.b : b.b === i ? b.a : -1;
        if (j >= 0 && !reached[j]) {
          reached[j] = true;
          placed[k] = true;
          parts.push(`(${atomVars[i]})-[bond${k}:BOND]-(${atomVars[j]}${label(j)})`);
          queue.push(j);
        }
      });
    }
  }
  pattern.bonds.forEach((b, k) => {
    if (!placed[k]) parts.push(`(${atomVars[b.a]})-[bond${k}:BOND]-(${atomVars[b.b]})`);
    params[`m_order${k}`] = b.minOrder;
    conditions.push(`bond${k}.order >= $m_order${k}`);
  });
  pattern.atoms.forEach((a, i) => {
    if (!a.element && a.atomClass !== 'ANY') conditions.push(`${atomVars[i]}.isMetal = ${a.atomClass === 'METAL' ? 'true' : 'false'}`);
  });
  // Injective: pattern atoms map to distinct structure atoms.
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) conditions.push(`${atomVars[i]} <> ${atomVars[j]}`);
  return { match: parts.join(',\n      '), where: conditions.length ? conditions.join('\n    AND ') : 'true', atomVars };
}

/**
 * What one occurrence of the motif is, independent of which automorphism mapped it: the sorted
 * structure-atom indices and the sorted image bonds (each as lower·1000 + higher index).
 * Mappings that differ only by a symmetry of the pattern (M–S–M read both ways) share it.
 * Sorting uses an insertion sort by `reduce`, because plain Cypher has no list sort.
 */
function occurrenceKey(pattern: MotifPattern, atomVars: string[]): string {
  const sorted = (list: string) => `reduce(acc = [], x IN ${list} | [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y >= x])`;
  const atoms = `[${atomVars.map((v) => `${v}.index`).join(', ')}]`;
  const edges = `[${pattern.bonds
    .map((b) => {
      const [u, v] = [`${atomVars[b.a]}.index`, `${atomVars[b.b]}.index`];
      return `CASE WHEN ${u} < ${v} THEN ${u} * 1000 + ${v} ELSE ${v} * 1000 + ${u} END`;
    })
    .join(', ')}]`;
  return `[${sorted(atoms)}, ${sorted(edges)}]`;
}

export interface MotifPageOptions {
  offset: number;
  limit: number;
  maxMatchesPerCluster: number;
}

/**
 * One page of clusters whose lowest-energy structure contains the pattern, in id order (the
 * unique index on :Cluster(id) gives that order for free, so the first page stops early), with
 * every match as a list of structure-atom indices in pattern-atom order.
 */
export function motifPageQuery(pattern: MotifPattern, criteria: ClusterCriteria, page: MotifPageOptions): CypherQuery {
  const { where, params } = clusterConditions(criteria);
  const m = motifMatchClause(pattern, params);
  const filter = where ? `${where}\n  AND` : 'WHERE';
  const cypher = `MATCH (c:Cluster)
${filter} c.id IS NOT NULL
  AND EXISTS {
    MATCH (c)-[:HAS_STRUCTURE]->(s:Structure {rank: 0}),
      ${m.match}
    WHERE ${m.where}
  }
WITH c ORDER BY c.id ASC
SKIP toInteger($offset) LIMIT toInteger($limit)
CALL {
  WITH c
  MATCH (c)-[:HAS_STRUCTURE]->(s:Structure {rank: 0}),
      ${m.match}
  WHERE ${m.where}
  WITH [${m.atomVars.map((v) => `${v}.index`).join(', ')}] AS mapping, ${occurrenceKey(pattern, m.atomVars)} AS occurrence
  ORDER BY mapping
  WITH collect({mapping: mapping, occurrence: occurrence}) AS rows
  CALL {
    WITH rows
    UNWIND rows AS row
    WITH row.occurrence AS occurrence, collect(row.mapping)[0] AS first
    WITH first ORDER BY first
    RETURN count(*) AS distinctMatchCount, collect(first)[0..toInteger($maxMatches)] AS distinctMatches
  }
  RETURN size(rows) AS matchCount, [row IN rows | row.mapping][0..toInteger($maxMatches)] AS matches, distinctMatchCount, distinctMatches
}
RETURN c {.*} AS cluster, matchCount, matches, distinctMatchCount, distinctMatches`;
  return { cypher, params: { ...params, offset: page.offset, limit: page.limit, maxMatches: page.maxMatchesPerCluster } };
}

/** How many clusters contain the pattern (only run when a client asks for totalCount). */
export function motifCountQuery(pattern: MotifPattern, criteria: ClusterCriteria): CypherQuery {
  const { where, params } = clusterConditions(criteria);
  const m = motifMatchClause(pattern, params);
  const filter = where ? `${where}\n  AND` : 'WHERE';
  return {
    cypher: `MATCH (c:Cluster)
${filter} EXISTS {
    MATCH (c)-[:HAS_STRUCTURE]->(s:Structure {rank: 0}),
      ${m.match}
    WHERE ${m.where}
  }
RETURN count(c) AS total`,
    params,
  };
}

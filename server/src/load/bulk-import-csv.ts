import { elementBySymbol } from '../chem/elements';
import type { SeedBundle } from './seed-file';
import { clusterRow, structureRows } from './catalog-loader';
import { N2_REACTANT } from './catalog-load-queries';

/**
 * The catalog as CSV for `neo4j-admin database import full`, built from the online loader's own
 * row builders (clusterRow, structureRows) so both paths store the same graph. Pure: lines go to
 * a sink, the caller decides where they are written.
 *
 * Neo4j's import dialect, and why the values are written as they are:
 * - every JS number becomes `:double`, because the JS driver sends every number as a Float, so
 *   the online loader stores FLOAT (LIST<FLOAT> for arrays) even for counts;
 * - null or undefined becomes an empty unquoted field, which the importer leaves out, as Cypher's
 *   SET does; an empty string is written quoted ("") and stays an empty string;
 * - strings are always quoted, inner quotes doubled (RFC 4180; the importer's default);
 * - array elements are joined with ARRAY_DELIMITER, which has no escape, so a string element
 *   containing it is refused;
 * - an empty array (e.g. `ligands` of a bare metal cluster) has no CSV form (the importer reads an
 *   empty field as null), so such node properties are listed in `emptyLists` and set by
 *   bulkImportFinishQueries once the database runs.
 * Columns are registered as rows reveal them and headers go in their own file, written last:
 * the importer reads a short row's missing trailing fields as null.
 */
export const ARRAY_DELIMITER = ';';

export type CsvType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]';

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPECIAL = /["\r\n]/;

function csvString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function csvType(value: unknown): CsvType | null {
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.length) {
    if (value.every((x) => typeof x === 'number')) return 'double[]';
    if (value.every((x) => typeof x === 'string')) return 'string[]';
  }
  return null;
}

/** One node label or relationship type: its columns as discovered, and how many rows it has. */
export class ImportTable {
  private readonly columns = new Map<string, { index: number; type: CsvType }>();
  rowCount = 0;
  /** A value held a line break: the importer must then read this file with --multiline-fields. */
  multiline = false;

  /**
   * @param kind nodes or relationships
   * @param name the label (nodes) or relationship type
   * @param fixedHeader the identifying columns: `id:ID(Cluster)` (and `:LABEL`), or `:START_ID(X)`, `:END_ID(Y)`
   */
  constructor(
    readonly kind: 'nodes' | 'relationships',
    readonly name: string,
    private readonly fixedHeader: readonly string[],
  ) {}

  /** File-name stem, e.g. `nodes-Cluster`. */
  get file(): string {
    return `${this.kind}-${this.name}`;
  }

  header(): string {
    const properties = [...this.columns].map(([key, { type }]) => `${key}:${type}`);
    return [...this.fixedHeader, ...properties].join(',');
  }

  /**
   * The CSV line (without newline) for one row: identifying fields, then properties by column.
   * `skip` names a property already written as an identifying field; an empty array goes to
   * `onEmptyList` (CSV cannot carry it) or is refused when there is none.
   */
  line(fixedFields: readonly string[], props: Record<string, unknown>, where: string, skip?: string, onEmptyList?: (property: string) => void): string {
    const fields: string[] = fixedFields.map((f) => this.text(f));
    // for…in, not Object.entries: this runs for every atom of a 100k-cluster catalog.
    for (const key in props) {
      const value = props[key];
      if (value === null || value === undefined || key === skip) continue;
      if (onEmptyList && Array.isArray(value) && value.length === 0) {
        onEmptyList(key);
        continue;
      }
      let column = this.columns.get(key);
      const type = column && typeof value === 'number' && column.type === 'double' ? 'double' : csvType(value);
      if (!type)
        throw new Error(
          `${where}: property "${key}" (${JSON.stringify(value)}) has no Neo4j import type; only numbers, strings, booleans and non-empty arrays of numbers or strings`,
        );
      if (!column) {
        if (!PROPERTY_NAME.test(key)) throw new Error(`${where}: property name "${key}" cannot be a CSV header column`);
        column = { index: this.fixedHeader.length + this.columns.size, type };
        this.columns.set(key, column);
      } else if (column.type !== type) {
        throw new Error(`${where}: property "${key}" is ${type} here but ${column.type} on an earlier ${this.name}; one import column holds one type`);
      }
      while (fields.length < column.index) fields.push('');
      fields[column.index] = this.value(value, type, where, key);
    }
    this.rowCount++;
    return fields.join(',');
  }

  private text(value: string): string {
    if (!SPECIAL.test(value)) return `"${value}"`;
    if (/[\r\n]/.test(value)) this.multiline = true;
    return csvString(value);
  }

  /** `where` and `key` only name the value in an error (no string is built for every value). */
  private value(value: unknown, type: CsvType, where: string, key: string): string {
    switch (type) {
      case 'double':
        return numberText(value as number, where, key);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'string':
        return this.text(value as string);
      case 'double[]':
        return (value as number[]).map((x) => numberText(x, where, key)).join(ARRAY_DELIMITER);
      case 'string[]':
        for (const x of value as string[]) {
          if (x === '' || x.includes(ARRAY_DELIMITER))
            throw new Error(`${where} property "${key}" holds ${JSON.stringify(x)}; array elements must be non-empty and free of "${ARRAY_DELIMITER}"`);
        }
        return this.text((value as string[]).join(ARRAY_DELIMITER));
    }
  }
}

function numberText(x: number, where: string, key: string): string {
  if (!Number.isFinite(x)) throw new Error(`${where} property "${key}" is ${x}; only finite numbers can be imported`);
  return String(x);
}

export interface EmptyListProperty {
  label: string;
  keyProperty: string;
  property: string;
  keys: string[];
}

export interface CatalogCsv {
  tables: ImportTable[];
  nodeCount: number;
  relationshipCount: number;
  emptyLists: EmptyListProperty[];
}

export type CsvSink = (table: ImportTable, line: string) => void;

/**
 * Sends every node and relationship of the catalog except the Dataset node to `sink`, tables
 * interleaved, and returns the tables (whose headers are final only now). The Dataset node, which
 * marks a store as seeded, is written by bulkImportFinishQueries after the import, as loadCatalog
 * writes it last. Mirrors loadCatalog's MERGE semantics:
 * one Element per symbol, one CONTAINS per cluster and element (the last count wins), a
 * measurement is linked to its source and reactant only when both exist, structures only for
 * clusters in the seed, and the Reactant only when there is a source (it is MERGEd per source).
 */
export function catalogCsv(bundle: SeedBundle, sink: CsvSink): CatalogCsv {
  const { seed, structures } = bundle;
  const node = (name: string, key: string, extra: string[] = []) => new ImportTable('nodes', name, [`${key}:ID(${name})`, ...extra]);
  const rel = (type: string, from: string, to: string) => new ImportTable('relationships', type, [`:START_ID(${from})`, `:END_ID(${to})`]);
  const t = {
    source: node('Source', 'id'),
    reactant: node('Reactant', 'formula'),
    element: node('Element', 'symbol'),
    cluster: node('Cluster', 'id'),
    measurement: node('Measurement', 'id'),
    structure: node('Structure', 'id'),
    atom: node('Atom', 'id', [':LABEL']),
    contains: rel('CONTAINS', 'Cluster', 'Element'),
    of: rel('OF', 'Measurement', 'Cluster'),
    reportedIn: rel('REPORTED_IN', 'Measurement', 'Source'),
    with: rel('WITH', 'Measurement', 'Reactant'),
    hasStructure: rel('HAS_STRUCTURE', 'Cluster', 'Structure'),
    hasAtom: rel('HAS_ATOM', 'Structure', 'Atom'),
    bond: rel('BOND', 'Atom', 'Atom'),
  };
  const emptyLists = new Map<string, EmptyListProperty>();
  const emitNode = (table: ImportTable, keyProperty: string, props: Record<string, unknown>, where: string, extra: string[] = []) => {
    const key = props[keyProperty];
    if (typeof key !== 'string' || key === '') throw new Error(`${where}: ${table.name}.${keyProperty} must be a non-empty string, got ${JSON.stringify(key)}`);
    const onEmptyList = (property: string) => {
      const id = `${table.name}.${property}`;
      if (!emptyLists.has(id)) emptyLists.set(id, { label: table.name, keyProperty, property, keys: [] });
      emptyLists.get(id)!.keys.push(key);
    };
    sink(table, table.line(extra.length ? [key, ...extra] : [key], props, where, keyProperty, onEmptyList));
  };
  const emitRel = (table: ImportTable, from: string, to: string, props: Record<string, unknown>, where: string) =>
    sink(table, table.line([from, to], props, where));

  const sourceIds = new Set<string>();
  for (const [i, source] of seed.sources.entries()) {
    const where = `sources[${i}]`;
    if (sourceIds.has(source.id)) throw new Error(`${where}: source id "${source.id}" occurs twice`);
    sourceIds.add(source.id);
    emitNode(t.source, 'id', source as unknown as Record<string, unknown>, where);
  }
  const reactants = new Set<string>();
  if (seed.sources.length) {
    emitNode(t.reactant, 'formula', N2_REACTANT, 'reactant N2');
    reactants.add(N2_REACTANT.formula);
  }

  const elements = new Set<string>();
  const clusterIds = new Set<string>();
  for (const cluster of seed.clusters) {
    const where = `cluster ${cluster.id}`;
    if (clusterIds.has(cluster.id)) throw new Error(`${where}: cluster id occurs twice in the seed`);
    clusterIds.add(cluster.id);
    const row = clusterRow(cluster, structures.has(cluster.id)) as {
      props: Record<string, unknown>;
      composition: Array<{ element: string; count: number; atomicNumber: number; isMetal: boolean }>;
      measurements: Array<{ id: string; sourceId: string; reactant: string; log10K1: number; k1Cm3PerMoleculeS: number | null }>;
    };
    emitNode(t.cluster, 'id', row.props, where);
    const counts = new Map<string, number>();
    for (const part of row.composition) {
      if (!elements.has(part.element)) {
        elements.add(part.element);
        emitNode(t.element, 'symbol', { symbol: part.element, atomicNumber: part.atomicNumber, isMetal: part.isMetal }, `${where} element ${part.element}`);
      }
      counts.set(part.element, part.count);
    }
    for (const [element, count] of counts) emitRel(t.contains, cluster.id, element, { count }, `${where} CONTAINS ${element}`);
    for (const m of row.measurements) {
      emitNode(t.measurement, 'id', { id: m.id, log10K1: m.log10K1, k1Cm3PerMoleculeS: m.k1Cm3PerMoleculeS }, `measurement ${m.id}`);
      emitRel(t.of, m.id, cluster.id, {}, `measurement ${m.id} OF`);
      if (sourceIds.has(m.sourceId) && reactants.has(m.reactant)) {
        emitRel(t.reportedIn, m.id, m.sourceId, {}, `measurement ${m.id} REPORTED_IN`);
        emitRel(t.with, m.id, m.reactant, {}, `measurement ${m.id} WITH`);
      }
    }
    const file = structures.get(cluster.id);
    if (!file) continue;
    for (const s of structureRows(file) as Array<{
      props: Record<string, unknown>;
      atoms: Array<{ element: string; props: Record<string, unknown> }>;
      bonds: Array<{ a: number; b: number; order: number; lengthAngstrom: number }>;
    }>) {
      const structureId = s.props.id as string;
      emitNode(t.structure, 'id', s.props, `structure ${structureId}`);
      emitRel(t.hasStructure, cluster.id, structureId, {}, `structure ${structureId} HAS_STRUCTURE`);
      const atomIds = s.atoms.map((atom) => atom.props.id as string);
      for (const [i, atom] of s.atoms.entries()) {
        // The row builder already refused unknown elements; the label is checked against the whitelist again because it becomes a label.
        if (elementBySymbol(atom.element)?.symbol !== atom.element)
          throw new Error(`structure ${structureId}: atom label "${atom.element}" is not an element symbol`);
        emitNode(t.atom, 'id', atom.props, `atom ${atomIds[i]}`, [atom.element]);
        emitRel(t.hasAtom, structureId, atomIds[i], {}, `atom ${atomIds[i]} HAS_ATOM`);
      }
      for (const b of s.bonds)
        emitRel(t.bond, atomIds[b.a], atomIds[b.b], { order: b.order, lengthAngstrom: b.lengthAngstrom }, `structure ${structureId} bond ${b.a}-${b.b}`);
    }
  }

  const tables = Object.values(t);
  const rows = (kind: ImportTable['kind']) => tables.filter((x) => x.kind === kind).reduce((sum, x) => sum + x.rowCount, 0);
  return { tables, nodeCount: rows('nodes'), relationshipCount: rows('relationships'), emptyLists: [...emptyLists.values()] };
}

import path from 'node:path';
import { readSeedBundle, type SeedBundle } from './seed-file';
import { ARRAY_DELIMITER, catalogCsv, ImportTable } from './bulk-import-csv';
import { bulkImportFinishQueries } from './bulk-import-queries';

const ROOT = path.join(__dirname, '..', '..', '..');
const full = readSeedBundle(path.join(ROOT, 'seed', 'data', 'clusters.json'), path.join(ROOT, 'seed', 'structures', 'data'));

/** The real bundle cut down to a few real clusters (with their structure files). */
function bundleOf(ids: string[]): SeedBundle {
  const clusters = full.seed.clusters.filter((c) => ids.includes(c.id));
  expect(clusters.map((c) => c.id).sort()).toEqual([...ids].sort());
  return {
    ...full,
    seed: { ...full.seed, clusters },
    structures: new Map(ids.flatMap((id) => (full.structures.has(id) ? [[id, full.structures.get(id)!] as const] : []))),
  };
}

/** RFC 4180 fields of one line, quoted fields marked so an empty "" differs from an empty field. */
function fields(line: string): Array<{ text: string; quoted: boolean }> {
  const out: Array<{ text: string; quoted: boolean }> = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else text += line[i++];
      }
      out.push({ text, quoted: true });
    } else {
      const end = line.indexOf(',', i) === -1 ? line.length : line.indexOf(',', i);
      out.push({ text: line.slice(i, end), quoted: false });
      i = end;
    }
    i++; // the comma
  }
  return out;
}

interface Written {
  csv: ReturnType<typeof catalogCsv>;
  lines: Map<string, string[]>;
  /** Rows of a table as header column → field text (missing trailing fields read as absent). */
  rows(table: string): Array<Record<string, { text: string; quoted: boolean }>>;
  header(table: string): string;
}

function write(bundle: SeedBundle): Written {
  const lines = new Map<string, string[]>();
  const csv = catalogCsv(bundle, (table, line) => {
    if (!lines.has(table.file)) lines.set(table.file, []);
    lines.get(table.file)!.push(line);
  });
  const header = (file: string) => csv.tables.find((t) => t.file === file)!.header();
  return {
    csv,
    lines,
    header,
    rows: (file) =>
      (lines.get(file) ?? []).map((line) => {
        const names = header(file).split(',');
        return Object.fromEntries(fields(line).map((f, i) => [names[i], f]));
      }),
  };
}

describe('catalogCsv on real clusters', () => {
  const w = write(bundleOf(['Mo5S2-anion', 'RhCo3H2-anion', 'Rh2Co-anion']));
  const cluster = (id: string) => w.rows('nodes-Cluster').find((r) => r['id:ID(Cluster)'].text === id)!;

  it('types every column as the JS driver would send it: numbers as double, lists of numbers as double[]', () => {
    const columns = w.header('nodes-Cluster').split(',');
    expect(columns[0]).toBe('id:ID(Cluster)');
    expect(columns).toEqual(
      expect.arrayContaining([
        'formula:string',
        'publishedName:string',
        'charge:double',
        'multiplicity:double',
        'cvFold:double',
        'compositionElements:string[]',
        'compositionCounts:double[]',
        'hasStructure:boolean',
        'log10K1:double',
      ]),
    );
    expect(w.header('nodes-Atom').split(',').slice(0, 2)).toEqual(['id:ID(Atom)', ':LABEL']);
    expect(w.header('nodes-Atom').split(',')).toEqual(
      expect.arrayContaining(['partialCharge:double', 'atomicDipoleAu:double[]', 'isMetal:boolean', 'element:string', 'x:double']),
    );
    expect(w.header('relationships-BOND')).toBe(':START_ID(Atom),:END_ID(Atom),order:double,lengthAngstrom:double');
    expect(w.header('relationships-CONTAINS')).toBe(':START_ID(Cluster),:END_ID(Element),count:double');
    expect(w.header('nodes-Element')).toBe('symbol:ID(Element),atomicNumber:double,isMetal:boolean');
  });

  it('writes the seed values of Mo5S2-anion, arrays joined with the array delimiter', () => {
    const mo5s2 = cluster('Mo5S2-anion');
    expect(mo5s2['formula:string']).toEqual({ text: 'Mo5S2', quoted: true });
    expect(mo5s2['publishedName:string'].text).toBe('Mo5S2\u00af');
    expect(Number(mo5s2['charge:double'].text)).toBe(-1);
    expect(Number(mo5s2['multiplicity:double'].text)).toBe(2);
    expect(Number(mo5s2['cvFold:double'].text)).toBe(6);
    expect(mo5s2['authorsIsomerId:string']).toEqual({ text: '2', quoted: true });
    expect(mo5s2['compositionElements:string[]'].text).toBe(['Mo', 'S'].join(ARRAY_DELIMITER));
    expect(mo5s2['compositionCounts:double[]'].text.split(ARRAY_DELIMITER).map(Number)).toEqual([5, 2]);
    expect(mo5s2['hasStructure:boolean'].text).toBe('true');
    expect(Number(mo5s2['log10K1:double'].text)).toBe(-9.823908740944319);
  });

  it('leaves null properties out (empty unquoted fields), as Cypher SET does', () => {
    const rhco3h2 = cluster('RhCo3H2-anion');
    for (const column of ['multiplicity:double', 'cvFold:double', 'authorsIsomerId:string']) {
      expect(rhco3h2[column] ?? { text: '', quoted: false }).toEqual({ text: '', quoted: false });
    }
    expect(rhco3h2['nuclearity:string'].text).toBe('heteronuclear');
  });

  it('lists empty lists for the finishing step instead of writing them (CSV has no empty array)', () => {
    expect(w.csv.emptyLists).toEqual([{ label: 'Cluster', keyProperty: 'id', property: 'ligands', keys: ['Rh2Co-anion'] }]);
    expect(cluster('Rh2Co-anion')['ligands:string[]'] ?? { text: '', quoted: false }).toEqual({ text: '', quoted: false });
    expect(cluster('RhCo3H2-anion')['ligands:string[]'].text).toBe('H');
  });

  it('quotes the source citation, which holds commas and double quotes', () => {
    const [source] = w.rows('nodes-Source');
    expect(source['id:ID(Source)'].text).toBe('mou2025');
    expect(source['citation:string'].text).toBe(full.seed.sources[0].citation);
    expect(full.seed.sources[0].citation).toMatch(/".*,/);
  });

  it('writes every atom with its element label, and each bond between atoms of its structure', () => {
    const file = full.structures.get('Mo5S2-anion')!;
    const atoms = w.rows('nodes-Atom').filter((r) => r['id:ID(Atom)'].text.startsWith('Mo5S2-anion~'));
    expect(atoms.map((a) => a[':LABEL'].text)).toEqual(file.isomers.flatMap((i) => i.atoms.map((a) => a.element)));
    expect(atoms[0]['atomicDipoleAu:double[]'].text.split(ARRAY_DELIMITER).map(Number)).toEqual(file.isomers[0].atoms[0].atomicDipoleAu);
    expect(Number(atoms[0]['x:double'].text)).toBe(file.isomers[0].atoms[0].xyzAngstrom[0]);
    const bonds = w.rows('relationships-BOND').filter((r) => r[':START_ID(Atom)'].text.startsWith('Mo5S2-anion~'));
    expect(bonds).toHaveLength(file.isomers.reduce((n, i) => n + i.bonds.length, 0));
    const first = file.isomers[0].bonds[0];
    expect(bonds[0][':START_ID(Atom)'].text).toBe(`Mo5S2-anion~0:${Math.min(first.a, first.b)}`);
    expect(bonds[0][':END_ID(Atom)'].text).toBe(`Mo5S2-anion~0:${Math.max(first.a, first.b)}`);
    expect(Number(bonds[0]['order:double'].text)).toBe(first.wibergOrder);
  });

  it('counts nodes and relationships as the graph model has them, without the Dataset node', () => {
    const isomers = ['Mo5S2-anion', 'RhCo3H2-anion', 'Rh2Co-anion'].flatMap((id) => full.structures.get(id)?.isomers ?? []);
    const atoms = isomers.reduce((n, i) => n + i.atoms.length, 0);
    const bonds = isomers.reduce((n, i) => n + i.bonds.length, 0);
    // Mo S Rh Co H; one source, one reactant, three clusters with one measurement each.
    expect(w.csv.nodeCount).toBe(1 + 1 + 5 + 3 + 3 + isomers.length + atoms);
    // CONTAINS 2+3+2, OF/REPORTED_IN/WITH one each per measurement.
    expect(w.csv.relationshipCount).toBe(7 + 3 * 3 + isomers.length + atoms + bonds);
    expect(w.csv.tables.map((t) => t.name)).not.toContain('Dataset');
  });
});

describe('ImportTable', () => {
  it('quotes strings (inner quotes doubled), keeps "" apart from null, and flags line breaks', () => {
    const table = new ImportTable('nodes', 'X', ['id:ID(X)']);
    const line = table.line(['a"b'], { s: 'x, "y"\nz', e: '', n: null, u: undefined, f: 1e-12, b: false }, 'test');
    expect(line).toBe('"a""b","x, ""y""\nz","",1e-12,false');
    expect(table.header()).toBe('id:ID(X),s:string,e:string,f:double,b:boolean');
    expect(table.multiline).toBe(true);
  });

  it('pads a row that lacks earlier columns, and appends columns later rows reveal', () => {
    const table = new ImportTable('nodes', 'X', ['id:ID(X)']);
    expect(table.line(['a'], { p: 1 }, 'a')).toBe('"a",1');
    expect(table.line(['b'], { q: 'x' }, 'b')).toBe('"b",,"x"');
    expect(table.header()).toBe('id:ID(X),p:double,q:string');
    expect(table.rowCount).toBe(2);
  });

  it('refuses what the importer would store differently, naming the row and property', () => {
    const table = new ImportTable('nodes', 'X', ['id:ID(X)']);
    table.line(['a'], { p: 1 }, 'row a');
    expect(() => table.line(['b'], { p: '1' }, 'row b')).toThrow('row b: property "p" is string here but double on an earlier X');
    expect(() => table.line(['c'], { tags: ['a;b'] }, 'row c')).toThrow(
      `row c property "tags" holds "a;b"; array elements must be non-empty and free of "${ARRAY_DELIMITER}"`,
    );
    expect(() => table.line(['d'], { v: NaN }, 'row d')).toThrow('row d property "v" is NaN; only finite numbers can be imported');
    expect(() => table.line(['e'], { nested: { a: 1 } }, 'row e')).toThrow('row e: property "nested"');
    expect(() => table.line(['f'], { 'bad name': 1 }, 'row f')).toThrow('row f: property name "bad name" cannot be a CSV header column');
  });
});

describe('bulkImportFinishQueries', () => {
  it('sets the empty lists by key, then writes the Dataset node last', () => {
    const bundle = bundleOf(['Rh2Co-anion']);
    const queries = bulkImportFinishQueries(bundle, [{ label: 'Cluster', keyProperty: 'id', property: 'ligands', keys: ['Rh2Co-anion'] }]);
    expect(queries[0]).toMatchSnapshot();
    expect(queries).toHaveLength(2);
    expect(queries[1].params.dataset).toEqual({
      name: 'mou2025-cluster-n2',
      version: full.datasetVersion,
      graphModelVersion: 3,
      clusterCount: 1,
      structureCount: 1,
    });
  });

  it('refuses a name that cannot be a label or property', () => {
    expect(() => bulkImportFinishQueries(full, [{ label: 'Cluster', keyProperty: 'id', property: 'x} DETACH DELETE n //', keys: ['a'] }])).toThrow(
      'cannot be used as a label or property name',
    );
  });
});

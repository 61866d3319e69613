import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EmptyGraphError, InvalidBondError, MissingPropertyError, NonFiniteValueError, TooManyAtomsError, UnsupportedElementError } from './errors';
import { featurize, type ClusterStructureInput, type StructureAtomInput } from './featurize';
import type { FeatureEncoding } from './manifest';

const STRUCTURES = path.resolve(__dirname, '..', '..', '..', 'seed', 'structures', 'data');

/** Rank-0 isomer of a real seed cluster (Mo5S2¯, GFN2-xTB). */
function mo5s2(): ClusterStructureInput {
  const file = JSON.parse(readFileSync(path.join(STRUCTURES, 'Mo5S2-anion.json'), 'utf8'));
  return { isomer: file.isomers[0], charge: file.charge, multiplicity: file.multiplicity };
}

const encoding = (adjacency: 'binary' | 'wiberg'): FeatureEncoding => ({
  maxAtoms: 50,
  vocabulary: ['Mo', 'S'],
  atomFeatures: [
    { name: 'element=Mo', kind: 'elementOneHot', element: 'Mo' },
    { name: 'element=S', kind: 'elementOneHot', element: 'S' },
    { name: 'paulingElectronegativity', kind: 'elementProperty', property: 'paulingElectronegativity' },
    { name: 'partialCharge', kind: 'atomProperty', property: 'partialCharge' },
    { name: '|atomicDipoleAu|', kind: 'atomVectorNorm', property: 'atomicDipoleAu' },
    { name: 'bondCount', kind: 'bondCount' },
    { name: 'wibergSum', kind: 'bondSum', property: 'wibergOrder' },
  ],
  globalFeatures: [
    { name: 'charge', kind: 'clusterCharge' },
    { name: 'unpairedElectrons', kind: 'unpairedElectrons' },
    { name: 'atomCount', kind: 'atomCount' },
    { name: 'homoLumoGapEv', kind: 'isomerProperty', property: 'homoLumoGapEv' },
  ],
  adjacency: { kind: adjacency },
  elementProperties: {
    Mo: { paulingElectronegativity: 2.16, isMetal: true },
    S: { paulingElectronegativity: 2.58, isMetal: false },
  },
});

type Atom = StructureAtomInput & { partialCharge: number; atomicDipoleAu: number[] };

describe('featurize', () => {
  const input = mo5s2();
  const atoms = input.isomer.atoms as Atom[];
  const n = atoms.length;
  const F = 7;

  it('encodes every atom of Mo5S2¯ from its element and GFN2-xTB properties', () => {
    const g = featurize(input, encoding('wiberg'));
    expect(g.atomCount).toBe(7);
    expect(g.elements.filter((e) => e === 'Mo')).toHaveLength(5);
    atoms.forEach((atom, i) => {
      const row = Array.from(g.atomFeatures.subarray(i * F, (i + 1) * F));
      expect(row[0]).toBe(atom.element === 'Mo' ? 1 : 0);
      expect(row[1]).toBe(atom.element === 'S' ? 1 : 0);
      expect(row[2]).toBe(Math.fround(atom.element === 'Mo' ? 2.16 : 2.58));
      expect(row[3]).toBe(Math.fround(atom.partialCharge));
      expect(row[4]).toBeCloseTo(Math.hypot(...atom.atomicDipoleAu), 6);
      const mine = input.isomer.bonds.filter((b) => b.a === i || b.b === i);
      expect(row[5]).toBe(mine.length);
      expect(row[6]).toBeCloseTo(
        mine.reduce((s, b) => s + (b.wibergOrder ?? 0), 0),
        6,
      );
    });
  });

  it('builds a symmetric adjacency weighted by Wiberg order, or by 1 for the binary kind', () => {
    const w = featurize(input, encoding('wiberg'));
    const b = featurize(input, encoding('binary'));
    for (const bond of input.isomer.bonds) {
      expect(w.adjacency[bond.a * n + bond.b]).toBe(Math.fround(bond.wibergOrder!));
      expect(w.adjacency[bond.b * n + bond.a]).toBe(Math.fround(bond.wibergOrder!));
      expect(b.adjacency[bond.a * n + bond.b]).toBe(1);
    }
    const nonZero = Array.from(b.adjacency).filter((x) => x !== 0).length;
    expect(nonZero).toBe(2 * input.isomer.bonds.length);
    for (let i = 0; i < n; i++) expect(w.adjacency[i * n + i]).toBe(0);
    expect(w.bonds).toHaveLength(input.isomer.bonds.length);
  });

  it('encodes charge, unpaired electrons, size and isomer properties as globals', () => {
    const g = featurize(input, encoding('wiberg'));
    expect(Array.from(g.globalFeatures)).toEqual([-1, input.multiplicity - 1, 7, Math.fround(input.isomer.homoLumoGapEv as number)]);
  });

  describe('rejects unusable structures with a named error and location', () => {
    const withAtom = (i: number, patch: Record<string, unknown>): ClusterStructureInput => ({
      ...input,
      isomer: { ...input.isomer, atoms: atoms.map((a, k) => (k === i ? { ...a, ...patch } : a)) },
    });

    it('a NaN partial charge', () => {
      expect(() => featurize(withAtom(2, { partialCharge: Number.NaN }), encoding('wiberg'))).toThrow(
        new NonFiniteValueError('structure.atoms[2].partialCharge', Number.NaN),
      );
    });

    it('a missing property', () => {
      const { partialCharge: _drop, ...rest } = atoms[1];
      const broken = { ...input, isomer: { ...input.isomer, atoms: atoms.map((a, k) => (k === 1 ? rest : a)) } };
      expect(() => featurize(broken, encoding('wiberg'))).toThrow(MissingPropertyError);
      expect(() => featurize(broken, encoding('wiberg'))).toThrow('structure.atoms[1]: the GFN2-xTB property "partialCharge" is missing');
    });

    it('an element outside the element table', () => {
      expect(() => featurize(withAtom(0, { element: 'Xe' }), encoding('wiberg'))).toThrow(UnsupportedElementError);
    });

    it('more than 50 atoms', () => {
      const many = { ...input, isomer: { ...input.isomer, atoms: Array.from({ length: 51 }, (_, k) => atoms[k % n]) } };
      expect(() => featurize(many, encoding('wiberg'))).toThrow(TooManyAtomsError);
      expect(() => featurize(many, encoding('wiberg'))).toThrow('51 atoms; the model accepts at most 50');
    });

    it('no atoms', () => {
      expect(() => featurize({ ...input, isomer: { atoms: [], bonds: [] } }, encoding('wiberg'))).toThrow(EmptyGraphError);
    });

    it('a bond to an atom that does not exist, or a repeated bond', () => {
      const out = { ...input, isomer: { ...input.isomer, bonds: [{ a: 0, b: 7, wibergOrder: 1 }] } };
      expect(() => featurize(out, encoding('wiberg'))).toThrow(InvalidBondError);
      const dup = { ...input, isomer: { ...input.isomer, bonds: [...input.isomer.bonds, { ...input.isomer.bonds[0] }] } };
      expect(() => featurize(dup, encoding('wiberg'))).toThrow(/duplicate bond/);
    });
  });
});

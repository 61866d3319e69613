import { elements as referenceElements } from 'chemical-elements';
import { ELEMENTS, elementByAtomicNumber, elementBySymbol, isElementSymbol, isMetal } from './elements';

describe('periodic table', () => {
  it('holds Z = 1..118 once each, keyed by symbol', () => {
    const numbers = [...ELEMENTS.values()].map((e) => e.atomicNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 118 }, (_, i) => i + 1));
    for (const [symbol, element] of ELEMENTS) expect(element.symbol).toBe(symbol);
  });

  it.each([
    ['H', 1, 1.008, 0.32],
    ['C', 6, 12.011, 0.75],
    ['N', 7, 14.007, 0.71],
    ['S', 16, 32.06, 1.03],
    ['V', 23, 50.9415, 1.34],
    ['Fe', 26, 55.845, 1.16],
    ['Co', 27, 58.933194, 1.11],
    ['Mo', 42, 95.95, 1.38],
    ['Rh', 45, 102.90549, 1.25],
    ['Ta', 73, 180.94788, 1.46],
    ['Rn', 86, 222, 1.42],
    ['Og', 118, 294, 1.57],
  ])('%s: Z=%d, mass %d u, Pyykkö radius %d Å', (symbol, z, mass, radius) => {
    const element = elementBySymbol(symbol);
    expect(element?.atomicNumber).toBe(z);
    expect(element?.atomicMassU).toBeCloseTo(mass, 6);
    expect(element?.covalentRadiusAngstrom).toBe(radius);
    expect(elementByAtomicNumber(z)?.symbol).toBe(symbol);
  });

  // chemical-elements computes average masses from isotope abundances: an independent source
  // that catches typos; IUPAC rounding (e.g. Mo 95.95 vs 95.9598) stays well inside 0.02 u.
  it('agrees with the chemical-elements package on numbers, names and masses', () => {
    expect(referenceElements).toHaveLength(118);
    for (const reference of referenceElements) {
      const element = elementBySymbol(reference.symbol);
      expect({ symbol: reference.symbol, z: element?.atomicNumber, name: element?.name }).toEqual({
        symbol: reference.symbol,
        z: reference.number,
        name: reference.name,
      });
      if (reference.mass !== null && element?.hasStandardAtomicWeight) {
        expect({ symbol: reference.symbol, diff: Math.abs(element.atomicMassU - reference.mass) < 0.02 }).toEqual({
          symbol: reference.symbol,
          diff: true,
        });
      }
    }
  });

  it('marks elements without a standard atomic weight and gives them a mass number', () => {
    for (const symbol of ['Tc', 'Pm', 'Po', 'At', 'Rn', 'Fr', 'Ra', 'Ac', 'Np', 'Og']) {
      const element = elementBySymbol(symbol);
      expect(element?.hasStandardAtomicWeight).toBe(false);
      expect(Number.isInteger(element?.atomicMassU)).toBe(true);
    }
    for (const symbol of ['Th', 'Pa', 'U', 'Bi']) expect(elementBySymbol(symbol)?.hasStandardAtomicWeight).toBe(true);
  });

  it('has plausible radii for every element', () => {
    for (const element of ELEMENTS.values()) {
      expect(element.covalentRadiusAngstrom).toBeGreaterThanOrEqual(0.32);
      expect(element.covalentRadiusAngstrom).toBeLessThanOrEqual(2.32);
    }
  });

  it('looks symbols up case-sensitively and returns undefined for unknown ones', () => {
    expect(elementBySymbol('Xx')).toBeUndefined();
    expect(elementBySymbol('mo')).toBeUndefined();
    expect(elementBySymbol('CO')).toBeUndefined();
    expect(elementBySymbol('')).toBeUndefined();
    expect(elementByAtomicNumber(0)).toBeUndefined();
    expect(elementByAtomicNumber(119)).toBeUndefined();
    expect(isElementSymbol('Co')).toBe(true);
    expect(isElementSymbol('Xx')).toBe(false);
  });
});

describe('isMetal', () => {
  it.each([
    'Li',
    'Na',
    'K',
    'Cs',
    'Be',
    'Mg',
    'Ca',
    'Ba',
    'Sc',
    'Ti',
    'V',
    'Fe',
    'Co',
    'Ni',
    'Cu',
    'Zn',
    'Nb',
    'Mo',
    'Rh',
    'Pd',
    'Ag',
    'Hf',
    'Ta',
    'W',
    'Pt',
    'Au',
    'Hg',
    'La',
    'Ce',
    'Lu',
    'U',
    'Pu',
    'Al',
    'Ga',
    'In',
    'Sn',
    'Tl',
    'Pb',
    'Bi',
  ])('%s is a metal', (symbol) => expect(isMetal(symbol)).toBe(true));

  it.each(['H', 'He', 'B', 'C', 'N', 'O', 'F', 'P', 'S', 'Cl', 'Se', 'Br', 'I', 'Ar', 'Xe', 'Rn'])('%s is a nonmetal', (symbol) =>
    expect(isMetal(symbol)).toBe(false),
  );

  it.each(['Si', 'Ge', 'As', 'Sb', 'Te'])('metalloid %s counts as a nonmetal', (symbol) => {
    expect(elementBySymbol(symbol)?.category).toBe('metalloid');
    expect(isMetal(symbol)).toBe(false);
  });

  it('is false for unknown symbols', () => {
    expect(isMetal('Xx')).toBe(false);
    expect(isMetal('fe')).toBe(false);
  });
});

/**
 * Periodic table data for Z = 1..118.
 *
 * Sources (typed in here rather than taken from a package because no maintained npm package
 * carries standard atomic weights, covalent radii and a metal classification together;
 * `chemical-elements` is used in the tests as an independent check of the masses):
 * - atomicMassU: IUPAC 2021 standard atomic weights; where IUPAC gives an interval (H, Li, B,
 *   C, N, O, Mg, Si, S, Cl, Ar, Br, Tl) the IUPAC conventional value. Elements without a
 *   standard atomic weight carry the mass number of their longest-lived isotope and have
 *   `hasStandardAtomicWeight: false`.
 * - covalentRadiusAngstrom: Pyykkö & Atsumi single-bond covalent radii,
 *   Chem. Eur. J. 2009, 15, 186-197 (doi:10.1002/chem.200800987), the one published set that
 *   covers all 118 elements.
 * - category: a conventional classification. For this project the only question that matters
 *   is metal or not (it decides homonuclear vs heteronuclear). Metalloids (B, Si, Ge, As, Sb,
 *   Te) count as NONMETALS: in the cluster literature they are ligands, like S and C. Po and
 *   the predicted p-block superheavies Nh..Lv count as post-transition metals; At and Ts as
 *   halogens; group 12 (Zn, Cd, Hg, Cn) as transition metals.
 */

export type ElementCategory =
  | 'alkali-metal'
  | 'alkaline-earth-metal'
  | 'transition-metal'
  | 'lanthanide'
  | 'actinide'
  | 'post-transition-metal'
  | 'metalloid'
  | 'nonmetal'
  | 'halogen'
  | 'noble-gas';

export interface ChemicalElement {
  readonly symbol: string;
  readonly atomicNumber: number;
  readonly name: string;
  readonly atomicMassU: number;
  readonly hasStandardAtomicWeight: boolean;
  readonly covalentRadiusAngstrom: number;
  readonly category: ElementCategory;
}

const METAL_CATEGORIES: ReadonlySet<ElementCategory> = new Set<ElementCategory>([
  'alkali-metal',
  'alkaline-earth-metal',
  'transition-metal',
  'lanthanide',
  'actinide',
  'post-transition-metal',
]);

type Row = [string, number, string, number, boolean, number, ElementCategory];

// [symbol, Z, name, atomic mass (u), has standard atomic weight, Pyykkö radius (Å), category]
const ROWS: readonly Row[] = [
  ['H', 1, 'Hydrogen', 1.008, true, 0.32, 'nonmetal'],
  ['He', 2, 'Helium', 4.002602, true, 0.46, 'noble-gas'],
  ['Li', 3, 'Lithium', 6.94, true, 1.33, 'alkali-metal'],
  ['Be', 4, 'Beryllium', 9.0121831, true, 1.02, 'alkaline-earth-metal'],
  ['B', 5, 'Boron', 10.81, true, 0.85, 'metalloid'],
  ['C', 6, 'Carbon', 12.011, true, 0.75, 'nonmetal'],
  ['N', 7, 'Nitrogen', 14.007, true, 0.71, 'nonmetal'],
  ['O', 8, 'Oxygen', 15.999, true, 0.63, 'nonmetal'],
  ['F', 9, 'Fluorine', 18.998403163, true, 0.64, 'halogen'],
  ['Ne', 10, 'Neon', 20.1797, true, 0.67, 'noble-gas'],
  ['Na', 11, 'Sodium', 22.98976928, true, 1.55, 'alkali-metal'],
  ['Mg', 12, 'Magnesium', 24.305, true, 1.39, 'alkaline-earth-metal'],
  ['Al', 13, 'Aluminium', 26.9815384, true, 1.26, 'post-transition-metal'],
  ['Si', 14, 'Silicon', 28.085, true, 1.16, 'metalloid'],
  ['P', 15, 'Phosphorus', 30.973761998, true, 1.11, 'nonmetal'],
  ['S', 16, 'Sulfur', 32.06, true, 1.03, 'nonmetal'],
  ['Cl', 17, 'Chlorine', 35.45, true, 0.99, 'halogen'],
  ['Ar', 18, 'Argon', 39.95, true, 0.96, 'noble-gas'],
  ['K', 19, 'Potassium', 39.0983, true, 1.96, 'alkali-metal'],
  ['Ca', 20, 'Calcium', 40.078, true, 1.71, 'alkaline-earth-metal'],
  ['Sc', 21, 'Scandium', 44.955907, true, 1.48, 'transition-metal'],
  ['Ti', 22, 'Titanium', 47.867, true, 1.36, 'transition-metal'],
  ['V', 23, 'Vanadium', 50.9415, true, 1.34, 'transition-metal'],
  ['Cr', 24, 'Chromium', 51.9961, true, 1.22, 'transition-metal'],
  ['Mn', 25, 'Manganese', 54.938043, true, 1.19, 'transition-metal'],
  ['Fe', 26, 'Iron', 55.845, true, 1.16, 'transition-metal'],
  ['Co', 27, 'Cobalt', 58.933194, true, 1.11, 'transition-metal'],
  ['Ni', 28, 'Nickel', 58.6934, true, 1.1, 'transition-metal'],
  ['Cu', 29, 'Copper', 63.546, true, 1.12, 'transition-metal'],
  ['Zn', 30, 'Zinc', 65.38, true, 1.18, 'transition-metal'],
  ['Ga', 31, 'Gallium', 69.723, true, 1.24, 'post-transition-metal'],
  ['Ge', 32, 'Germanium', 72.63, true, 1.21, 'metalloid'],
  ['As', 33, 'Arsenic', 74.921595, true, 1.21, 'metalloid'],
  ['Se', 34, 'Selenium', 78.971, true, 1.16, 'nonmetal'],
  ['Br', 35, 'Bromine', 79.904, true, 1.14, 'halogen'],
  ['Kr', 36, 'Krypton', 83.798, true, 1.17, 'noble-gas'],
  ['Rb', 37, 'Rubidium', 85.4678, true, 2.1, 'alkali-metal'],
  ['Sr', 38, 'Strontium', 87.62, true, 1.85, 'alkaline-earth-metal'],
  ['Y', 39, 'Yttrium', 88.905838, true, 1.63, 'transition-metal'],
  ['Zr', 40, 'Zirconium', 91.222, true, 1.54, 'transition-metal'],
  ['Nb', 41, 'Niobium', 92.90637, true, 1.47, 'transition-metal'],
  ['Mo', 42, 'Molybdenum', 95.95, true, 1.38, 'transition-metal'],
  ['Tc', 43, 'Technetium', 97, false, 1.28, 'transition-metal'],
  ['Ru', 44, 'Ruthenium', 101.07, true, 1.25, 'transition-metal'],
  ['Rh', 45, 'Rhodium', 102.90549, true, 1.25, 'transition-metal'],
  ['Pd', 46, 'Palladium', 106.42, true, 1.2, 'transition-metal'],
  ['Ag', 47, 'Silver', 107.8682, true, 1.28, 'transition-metal'],
  ['Cd', 48, 'Cadmium', 112.414, true, 1.36, 'transition-metal'],
  ['In', 49, 'Indium', 114.818, true, 1.42, 'post-transition-metal'],
  ['Sn', 50, 'Tin', 118.71, true, 1.4, 'post-transition-metal'],
  ['Sb', 51, 'Antimony', 121.76, true, 1.4, 'metalloid'],
  ['Te', 52, 'Tellurium', 127.6, true, 1.36, 'metalloid'],
  ['I', 53, 'Iodine', 126.90447, true, 1.33, 'halogen'],
  ['Xe', 54, 'Xenon', 131.293, true, 1.31, 'noble-gas'],
  ['Cs', 55, 'Caesium', 132.90545196, true, 2.32, 'alkali-metal'],
  ['Ba', 56, 'Barium', 137.327, true, 1.96, 'alkaline-earth-metal'],
  ['La', 57, 'Lanthanum', 138.90547, true, 1.8, 'lanthanide'],
  ['Ce', 58, 'Cerium', 140.116, true, 1.63, 'lanthanide'],
  ['Pr', 59, 'Praseodymium', 140.90766, true, 1.76, 'lanthanide'],
  ['Nd', 60, 'Neodymium', 144.242, true, 1.74, 'lanthanide'],
  ['Pm', 61, 'Promethium', 145, false, 1.73, 'lanthanide'],
  ['Sm', 62, 'Samarium', 150.36, true, 1.72, 'lanthanide'],
  ['Eu', 63, 'Europium', 151.964, true, 1.68, 'lanthanide'],
  ['Gd', 64, 'Gadolinium', 157.249, true, 1.69, 'lanthanide'],
  ['Tb', 65, 'Terbium', 158.925354, true, 1.68, 'lanthanide'],
  ['Dy', 66, 'Dysprosium', 162.5, true, 1.67, 'lanthanide'],
  ['Ho', 67, 'Holmium', 164.930329, true, 1.66, 'lanthanide'],
  ['Er', 68, 'Erbium', 167.259, true, 1.65, 'lanthanide'],
  ['Tm', 69, 'Thulium', 168.934219, true, 1.64, 'lanthanide'],
  ['Yb', 70, 'Ytterbium', 173.045, true, 1.7, 'lanthanide'],
  ['Lu', 71, 'Lutetium', 174.9668, true, 1.62, 'lanthanide'],
  ['Hf', 72, 'Hafnium', 178.486, true, 1.52, 'transition-metal'],
  ['Ta', 73, 'Tantalum', 180.94788, true, 1.46, 'transition-metal'],
  ['W', 74, 'Tungsten', 183.84, true, 1.37, 'transition-metal'],
  ['Re', 75, 'Rhenium', 186.207, true, 1.31, 'transition-metal'],
  ['Os', 76, 'Osmium', 190.23, true, 1.29, 'transition-metal'],
  ['Ir', 77, 'Iridium', 192.217, true, 1.22, 'transition-metal'],
  ['Pt', 78, 'Platinum', 195.084, true, 1.23, 'transition-metal'],
  ['Au', 79, 'Gold', 196.96657, true, 1.24, 'transition-metal'],
  ['Hg', 80, 'Mercury', 200.592, true, 1.33, 'transition-metal'],
  ['Tl', 81, 'Thallium', 204.38, true, 1.44, 'post-transition-metal'],
  ['Pb', 82, 'Lead', 207.2, true, 1.44, 'post-transition-metal'],
  ['Bi', 83, 'Bismuth', 208.9804, true, 1.51, 'post-transition-metal'],
  ['Po', 84, 'Polonium', 209, false, 1.45, 'post-transition-metal'],
  ['At', 85, 'Astatine', 210, false, 1.47, 'halogen'],
  ['Rn', 86, 'Radon', 222, false, 1.42, 'noble-gas'],
  ['Fr', 87, 'Francium', 223, false, 2.23, 'alkali-metal'],
  ['Ra', 88, 'Radium', 226, false, 2.01, 'alkaline-earth-metal'],
  ['Ac', 89, 'Actinium', 227, false, 1.86, 'actinide'],
  ['Th', 90, 'Thorium', 232.0377, true, 1.75, 'actinide'],
  ['Pa', 91, 'Protactinium', 231.03588, true, 1.69, 'actinide'],
  ['U', 92, 'Uranium', 238.02891, true, 1.7, 'actinide'],
  ['Np', 93, 'Neptunium', 237, false, 1.71, 'actinide'],
  ['Pu', 94, 'Plutonium', 244, false, 1.72, 'actinide'],
  ['Am', 95, 'Americium', 243, false, 1.66, 'actinide'],
  ['Cm', 96, 'Curium', 247, false, 1.66, 'actinide'],
  ['Bk', 97, 'Berkelium', 247, false, 1.68, 'actinide'],
  ['Cf', 98, 'Californium', 251, false, 1.68, 'actinide'],
  ['Es', 99, 'Einsteinium', 252, false, 1.65, 'actinide'],
  ['Fm', 100, 'Fermium', 257, false, 1.67, 'actinide'],
  ['Md', 101, 'Mendelevium', 258, false, 1.73, 'actinide'],
  ['No', 102, 'Nobelium', 259, false, 1.76, 'actinide'],
  ['Lr', 103, 'Lawrencium', 266, false, 1.61, 'actinide'],
  ['Rf', 104, 'Rutherfordium', 267, false, 1.57, 'transition-metal'],
  ['Db', 105, 'Dubnium', 268, false, 1.49, 'transition-metal'],
  ['Sg', 106, 'Seaborgium', 269, false, 1.43, 'transition-metal'],
  ['Bh', 107, 'Bohrium', 270, false, 1.41, 'transition-metal'],
  ['Hs', 108, 'Hassium', 269, false, 1.34, 'transition-metal'],
  ['Mt', 109, 'Meitnerium', 278, false, 1.29, 'transition-metal'],
  ['Ds', 110, 'Darmstadtium', 281, false, 1.28, 'transition-metal'],
  ['Rg', 111, 'Roentgenium', 282, false, 1.21, 'transition-metal'],
  ['Cn', 112, 'Copernicium', 285, false, 1.22, 'transition-metal'],
  ['Nh', 113, 'Nihonium', 286, false, 1.36, 'post-transition-metal'],
  ['Fl', 114, 'Flerovium', 289, false, 1.43, 'post-transition-metal'],
  ['Mc', 115, 'Moscovium', 290, false, 1.62, 'post-transition-metal'],
  ['Lv', 116, 'Livermorium', 293, false, 1.75, 'post-transition-metal'],
  ['Ts', 117, 'Tennessine', 294, false, 1.65, 'halogen'],
  ['Og', 118, 'Oganesson', 294, false, 1.57, 'noble-gas'],
];

export const ELEMENTS: ReadonlyMap<string, ChemicalElement> = new Map(
  ROWS.map(([symbol, atomicNumber, name, atomicMassU, hasStandardAtomicWeight, covalentRadiusAngstrom, category]) => [
    symbol,
    Object.freeze({ symbol, atomicNumber, name, atomicMassU, hasStandardAtomicWeight, covalentRadiusAngstrom, category }),
  ]),
);

const BY_ATOMIC_NUMBER: ReadonlyMap<number, ChemicalElement> = new Map([...ELEMENTS.values()].map((element) => [element.atomicNumber, element]));

/** Case-sensitive: "Co" is cobalt, "CO" is not an element symbol. */
export function elementBySymbol(symbol: string): ChemicalElement | undefined {
  return ELEMENTS.get(symbol);
}

export function elementByAtomicNumber(atomicNumber: number): ChemicalElement | undefined {
  return BY_ATOMIC_NUMBER.get(atomicNumber);
}

export function isElementSymbol(symbol: string): boolean {
  return ELEMENTS.has(symbol);
}

/** False for unknown symbols as well as for nonmetals; metalloids count as nonmetals. */
export function isMetal(symbol: string): boolean {
  const element = ELEMENTS.get(symbol);
  return element !== undefined && METAL_CATEGORIES.has(element.category);
}

/** Symbols by atomic number (index 0 is Z = 1). */
export const SYMBOLS = (
  'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr ' +
  'Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu ' +
  'Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr ' +
  'Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og'
).split(' ');

export interface TableCell {
  symbol: string;
  atomicNumber: number;
  /** 1-based grid row: 1–7 the periods, 9 and 10 the lanthanide and actinide rows. */
  row: number;
  /** 1-based grid column (the group for the main table). */
  column: number;
}

/** Where each element sits in the 18-column table, f-block in two rows below (La–Lu, Ac–Lr). */
export function tableCell(z: number): TableCell {
  const symbol = SYMBOLS[z - 1];
  const at = (row: number, column: number): TableCell => ({ symbol, atomicNumber: z, row, column });
  if (z === 1) return at(1, 1);
  if (z === 2) return at(1, 18);
  const starts = [3, 11, 19, 37, 55, 87];
  let period = 2;
  for (let i = starts.length - 1; i >= 0; i--) {
    if (z >= starts[i]) {
      period = i + 2;
      break;
    }
  }
  const k = z - starts[period - 2];
  if (period <= 3) return at(period, k < 2 ? k + 1 : k + 11);
  if (period <= 5) return at(period, k + 1);
  // Periods 6 and 7: s-block, then 15 f-block elements in their own row, then groups 4–18.
  if (k < 2) return at(period, k + 1);
  if (k < 17) return at(period + 3, k + 1);
  return at(period, k - 13);
}

export const TABLE: TableCell[] = SYMBOLS.map((_, i) => tableCell(i + 1));

/**
 * A first check of pasted XYZ text in the browser, so mistakes are named next to the input at once
 * (line and column). The API parses it again and stays the authority.
 */
export const ELEMENT_SYMBOLS = new Set(
  'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og'.split(
    ' ',
  ),
);

/** `limits` come from the API's `limits.predict`, the numbers it enforces. */
export function checkXyz(text: string, limits: { maxAtoms: number; maxXyzCharacters: number }): string | null {
  if (text.length > limits.maxXyzCharacters) return `The XYZ text has ${text.length} characters; at most ${limits.maxXyzCharacters} are accepted.`;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return 'The XYZ text is empty.';
  const count = Number(lines[0].trim());
  if (!Number.isInteger(count) || count < 1) return `Line 1 must be the number of atoms, found "${lines[0].trim().slice(0, 20)}".`;
  if (count > limits.maxAtoms) return `Line 1 says ${count} atoms; at most ${limits.maxAtoms} are accepted.`;
  const atomLines = lines.slice(2);
  if (atomLines.length !== count) return `Line 1 says ${count} atoms, but ${atomLines.length} atom lines follow the comment line.`;
  for (let i = 0; i < atomLines.length; i++) {
    const lineNo = i + 3;
    const fields = atomLines[i].trim().split(/\s+/);
    const symbol = fields[0] ? fields[0][0].toUpperCase() + fields[0].slice(1).toLowerCase() : '';
    if (!ELEMENT_SYMBOLS.has(symbol)) return `Line ${lineNo}: "${fields[0] ?? ''}" is not an element symbol.`;
    if (fields.length < 4)
      return `Line ${lineNo}: expected an element and three coordinates, found ${fields.length - 1} coordinate${fields.length === 2 ? '' : 's'}.`;
    for (let k = 1; k <= 3; k++) {
      if (!Number.isFinite(Number(fields[k]))) return `Line ${lineNo}: coordinate ${'xyz'[k - 1]} "${fields[k]}" is not a number.`;
    }
  }
  return null;
}

import { FormulaError, formatFormula, parseFormula, type ElementCount } from '../../server/src/chem/formula';

/** What the authors encode in a cluster name of the fold files. */
export interface FoldName {
  readonly foldName: string;
  readonly formula: string;
  readonly composition: ElementCount[];
  /** The authors' DFT isomer label as written (leading zeros kept), or null when absent. */
  readonly isomerId: string | null;
  readonly multiplicity: number;
}

// The fold files use three layouts, all without a charge mark:
//   Mo2S1-1-M2    formula-isomer-Mmultiplicity
//   Mo4C3-M6-01   formula-Mmultiplicity-isomer
//   Rh3-M5        formula-Mmultiplicity (no isomer id)
const FOLD_NAME = /^([A-Za-z0-9]+)-(?:([0-9]+)-M([0-9]+)|M([0-9]+)(?:-([0-9]+))?)$/;

export function parseFoldName(foldName: string): FoldName {
  const match = FOLD_NAME.exec(foldName);
  if (!match) {
    throw new FormulaError(`fold-file cluster name "${foldName}" matches none of formula-isomer-M<mult>, formula-M<mult>-isomer, formula-M<mult>`, foldName);
  }
  const [, formulaText, isomerBefore, multiplicityAfter, multiplicityBefore, isomerAfter] = match;
  const composition = parseFormula(formulaText);
  const multiplicity = Number(multiplicityAfter ?? multiplicityBefore);
  if (!Number.isInteger(multiplicity) || multiplicity < 1) {
    throw new FormulaError(`fold-file cluster name "${foldName}" has multiplicity ${multiplicity}, expected 1 or more`, foldName);
  }
  return {
    foldName,
    formula: formatFormula(composition),
    composition,
    isomerId: isomerBefore ?? isomerAfter ?? null,
    multiplicity,
  };
}

/** xtb: the only code that starts the xtb program. chem/ stays pure; this folder spawns and parses. */
export { runGfn1Optimization, runXtb } from './run';
export { XtbError, type XtbErrorKind } from './errors';
export {
  MIN_INTERATOMIC_DISTANCE_ANGSTROM,
  UNPHYSICAL_CHARGE_THRESHOLD,
  XTB_MAX_ATOMIC_NUMBER,
  type Gfn1Optimization,
  type XtbAtom,
  type XtbBond,
  type XtbInput,
  type XtbOptLevel,
  type XtbResult,
  type XtbWarning,
  type XtbWibergOrder,
} from './types';

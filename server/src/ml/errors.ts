/**
 * Errors of the ML module. Two families, as elsewhere in ClusterAtlas:
 * - ModelUnavailableError: the model cannot serve (missing or corrupt files, runtime failure).
 *   The catalog keeps working; the API reports the model as unavailable.
 * - InvalidGraphError and its subclasses: the caller's structure or tensors are unusable. Each
 *   carries a stable `code` (for GraphQL `extensions.code`) and `where` (which input/atom/bond).
 */

export class ModelUnavailableError extends Error {
  readonly code = 'MODEL_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

export type InvalidGraphCode =
  'EMPTY_GRAPH' | 'TOO_MANY_ATOMS' | 'NON_FINITE_VALUE' | 'SHAPE_MISMATCH' | 'UNSUPPORTED_ELEMENT' | 'MISSING_PROPERTY' | 'INVALID_BOND' | 'INVALID_ARGUMENT';

export class InvalidGraphError extends Error {
  constructor(
    readonly code: InvalidGraphCode,
    /** Path of the offending value, e.g. "graphs[2].atoms[5].partialCharge". */
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'InvalidGraphError';
  }
}

export class EmptyGraphError extends InvalidGraphError {
  constructor(where: string) {
    super('EMPTY_GRAPH', where, 'the structure has no atoms');
    this.name = 'EmptyGraphError';
  }
}

export class TooManyAtomsError extends InvalidGraphError {
  constructor(
    where: string,
    readonly atomCount: number,
    readonly maxAtoms: number,
  ) {
    super('TOO_MANY_ATOMS', where, `${atomCount} atoms; the model accepts at most ${maxAtoms}`);
    this.name = 'TooManyAtomsError';
  }
}

export class NonFiniteValueError extends InvalidGraphError {
  constructor(where: string, value: unknown) {
    super('NON_FINITE_VALUE', where, `expected a finite number, got ${String(value)}`);
    this.name = 'NonFiniteValueError';
  }
}

export class ShapeMismatchError extends InvalidGraphError {
  constructor(where: string, expected: string, actual: string) {
    super('SHAPE_MISMATCH', where, `expected ${expected}, got ${actual}`);
    this.name = 'ShapeMismatchError';
  }
}

export class UnsupportedElementError extends InvalidGraphError {
  constructor(
    where: string,
    readonly element: string,
  ) {
    super('UNSUPPORTED_ELEMENT', where, `element "${element}" has no entry in the model's element table`);
    this.name = 'UnsupportedElementError';
  }
}

export class MissingPropertyError extends InvalidGraphError {
  constructor(where: string, property: string) {
    super('MISSING_PROPERTY', where, `the GFN2-xTB property "${property}" is missing`);
    this.name = 'MissingPropertyError';
  }
}

export class InvalidBondError extends InvalidGraphError {
  constructor(where: string, message: string) {
    super('INVALID_BOND', where, message);
    this.name = 'InvalidBondError';
  }
}

export class InvalidArgumentError extends InvalidGraphError {
  constructor(where: string, message: string) {
    super('INVALID_ARGUMENT', where, message);
    this.name = 'InvalidArgumentError';
  }
}

import { GraphQLError } from 'graphql';
import { parseClusterFilter, readComposition } from './cluster-filter.parse';

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (err) {
    if (err instanceof GraphQLError) return err;
    throw err;
  }
  throw new Error('expected a GraphQLError');
}

describe('parseClusterFilter', () => {
  it('turns a composition into element counts and an exclusive element set', () => {
    expect(parseClusterFilter({ formula: 'Mo5S2' })).toEqual({
      elementCounts: [
        { element: 'Mo', min: 5, max: 5 },
        { element: 'S', min: 2, max: 2 },
      ],
      onlyElements: ['Mo', 'S'],
    });
  });

  it('turns a charge written in the pattern into a charge filter', () => {
    expect(parseClusterFilter({ formula: 'Mo5S2-' }).charges).toEqual([-1]);
    expect(parseClusterFilter({ formula: 'Ta3S2 neutral' }).charges).toEqual([0]);
    expect(parseClusterFilter({ formula: 'mo5s2⁻' }).elementCounts?.map((r) => r.element)).toEqual(['Mo', 'S']);
  });

  it('intersects a written charge with ticked charges, so both conditions hold', () => {
    expect(parseClusterFilter({ formula: 'Mo5S2-', charges: [-1, 0] }).charges).toEqual([-1]);
    expect(parseClusterFilter({ formula: 'Mo5S2-', charges: [0] }).charges).toEqual([]);
    expect(parseClusterFilter({ formula: 'Mo5S2', charges: [0] }).charges).toEqual([0]);
  });

  it('speaks of the composition the user typed, not of argument paths', () => {
    const err = errorOf(() => parseClusterFilter({ formula: 'Mo3Qq-' }));
    expect(err.message).toBe('Composition “Mo3Qq-”: unknown element "Qq" at position 4');
    expect(err.message).not.toMatch(/filter\./);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.formula', position: 4 });
  });

  it('offers the readings of a case-ambiguous composition', () => {
    const err = errorOf(() => parseClusterFilter({ formula: 'co-' }));
    expect(err.extensions.alternatives).toEqual(['Co-', 'CO-']);
    expect(err.message).toMatch(/Co- or CO-/);
  });

  it('does not echo over-long input', () => {
    const long = 'Mo'.repeat(200);
    const err = errorOf(() => parseClusterFilter({ formula: long }));
    expect(err.message).toBe('Composition: 400 characters; the limit is 64');
  });

  it('names the path of other bad inputs', () => {
    expect(errorOf(() => parseClusterFilter({ elements: { anyOf: ['Mo', 'Zz'] } })).extensions.argument).toBe('filter.elements.anyOf[1]');
    expect(errorOf(() => parseClusterFilter({ size: { min: 9, max: 3 } })).message).toMatch(/min 9 is greater than max 3/);
    expect(errorOf(() => parseClusterFilter({ charges: [-11] })).extensions.argument).toBe('filter.charges[0]');
    expect(errorOf(() => parseClusterFilter({ log10K1: { min: 3 } })).extensions.argument).toBe('filter.log10K1.min');
  });

  it('combines elements.only with the pattern elements', () => {
    expect(parseClusterFilter({ formula: 'Mo?S*', elements: { only: ['Mo'] } }).onlyElements).toEqual(['Mo']);
  });
});

describe('readComposition', () => {
  it('uses the argument path it is given', () => {
    expect(errorOf(() => readComposition('Xx', 'text')).extensions.argument).toBe('text');
    expect(readComposition('ta3h4-', 'text')).toMatchObject({ text: 'Ta3H4', charge: -1, caseCorrected: true });
  });
});

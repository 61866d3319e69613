import fc from 'fast-check';
import { candidateElementSetKeys, elementSetKey, MAX_ELEMENT_SET_KEYS } from './element-set';

describe('elementSetKey', () => {
  test('sorts and removes repeats, so formula order does not matter', () => {
    expect(elementSetKey(['S', 'Mo'])).toBe('Mo-S');
    expect(elementSetKey(['Rh', 'Co', 'H', 'Co'])).toBe('Co-H-Rh');
  });
});

describe('candidateElementSetKeys', () => {
  test('Mo2-5S* (Mo required, S optional) allows Mo alone and Mo with S', () => {
    expect(candidateElementSetKeys(['Mo', 'S'], ['Mo'])?.sort()).toEqual(['Mo', 'Mo-S']);
  });

  test('all elements required gives exactly one key', () => {
    expect(candidateElementSetKeys(['Fe', 'C'], ['Fe', 'C'])).toEqual(['C-Fe']);
  });

  test('nothing required never yields the empty set', () => {
    expect(candidateElementSetKeys(['Ta', 'S'], [])?.sort()).toEqual(['S', 'S-Ta', 'Ta']);
  });

  test('a required element outside the allowed ones matches nothing', () => {
    expect(candidateElementSetKeys(['Mo'], ['Mo', 'S'])).toEqual([]);
  });

  test('too many optional elements falls back to a scan (null)', () => {
    const eleven = ['H', 'C', 'N', 'O', 'S', 'Fe', 'Co', 'Ni', 'Mo', 'Ta', 'Rh'];
    expect(candidateElementSetKeys(eleven, [])).toBeNull();
  });

  test('a composition matches the pattern exactly when its key is among the candidates', () => {
    const pool = ['H', 'C', 'S', 'V', 'Fe', 'Co', 'Mo', 'Rh', 'Ta'];
    const subset = fc.subarray(pool, { minLength: 1 });
    fc.assert(
      fc.property(subset, subset, fc.subarray(pool), (composition, allowed, requiredPick) => {
        const required = requiredPick.filter((e) => allowed.includes(e));
        const keys = candidateElementSetKeys(allowed, required)!;
        expect(keys.length).toBeLessThanOrEqual(MAX_ELEMENT_SET_KEYS);
        const matches = composition.every((e) => allowed.includes(e)) && required.every((e) => composition.includes(e));
        expect(keys.includes(elementSetKey(composition))).toBe(matches);
      }),
    );
  });
});

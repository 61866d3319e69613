import { nextPage, parseSearch, previousPage, sortedBy, toFilter, toOrder, toQuery } from './search-state';

describe('catalog search state in the URL', () => {
  test('a shared URL parses into the API filter and order', () => {
    const { state, problems } = parseSearch({
      q: 'Ta3S*',
      charge: ['0', '-1'],
      nuc: 'homo',
      el: 'S,Ta',
      smin: '4',
      kmax: '-11.5',
      sort: 'log10k1',
      dir: 'desc',
    });
    expect(problems).toEqual([]);
    expect(toFilter(state)).toEqual({
      formula: 'Ta3S*',
      charges: [-1, 0],
      nuclearity: 'HOMONUCLEAR',
      elements: { allOf: ['S', 'Ta'] },
      size: { min: 4, max: null },
      log10K1: { min: null, max: -11.5 },
    });
    expect(toOrder(state)).toEqual({ field: 'LOG10K1', direction: 'DESC' });
  });

  test('serialising drops defaults and empties, and parsing it back gives the same state', () => {
    const { state } = parseSearch({ q: 'Mo2-5S2', el: ['Mo', 'S'], elmode: 'only', smax: '9', kmin: '', structure: '1' });
    const query = toQuery(state);
    expect(query).toBe('?q=Mo2-5S2&el=Mo&el=S&elmode=only&smax=9&structure=1');
    expect(parseSearch(Object.fromEntries(new URLSearchParams(query.slice(1)))).state.q).toBe('Mo2-5S2');
    expect(toQuery(parseSearch({}).state)).toBe('');
    expect(toFilter(parseSearch({}).state)).toBeUndefined();
  });

  test('unusable values are named and ignored, not sent to the API', () => {
    const { state, problems } = parseSearch({ charge: 'minus', el: 'mo', smin: '4.5', sort: 'colour', nuc: 'tri' });
    expect(problems).toEqual([
      'Charge: "minus" is not a whole number',
      'Nuclearity: "tri" is not homo or hetero',
      'Elements: "mo" is not an element symbol',
      'Sort: "COLOUR" is not one of FORMULA, CHARGE, SIZE, METAL_ATOMS, LOG10K1, EFFICIENCY',
      'Atoms from: "4.5" is not a whole number',
    ]);
    expect(toFilter(state)).toBeUndefined();
  });

  test('pages go forward with the end cursor and back through the remembered cursors', () => {
    const first = parseSearch({ q: 'V*C*' }).state;
    const second = nextPage(first, 'c24');
    const third = nextPage(second, 'c49');
    expect(toQuery(third)).toBe('?q=V*C*&after=c49&prev=%7E%2Cc24');
    const back = previousPage(parseSearch(Object.fromEntries(new URLSearchParams(toQuery(third).slice(1)))).state);
    expect(back.after).toBe('c24');
    expect(previousPage(back).after).toBeNull();
    expect(previousPage(back).prev).toEqual([]);
  });

  test('sorting by a column toggles its direction and returns to the first page', () => {
    const s = nextPage(parseSearch({ sort: 'size' }).state, 'c24');
    const flipped = sortedBy(s, 'SIZE');
    expect([flipped.dir, flipped.after, flipped.prev]).toEqual(['DESC', null, []]);
    expect(sortedBy(flipped, 'CHARGE').dir).toBe('ASC');
  });
});

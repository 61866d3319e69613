import { changelogBlocks } from './changelog';

describe('release changelog as list lines', () => {
  test('"- " and "* " lines become one list; other lines join into paragraphs', () => {
    const text = 'Release 2: contributions of November.\r\nReviewed by two curators.\n\n- Mo5 anion (new cluster)\n* Mo3S2 + CO rate\n\nThanks to all.';
    expect(changelogBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Release 2: contributions of November. Reviewed by two curators.' },
      { kind: 'list', items: ['Mo5 anion (new cluster)', 'Mo3S2 + CO rate'] },
      { kind: 'paragraph', text: 'Thanks to all.' },
    ]);
  });

  test('markup is kept as text, and an empty changelog has no blocks', () => {
    expect(changelogBlocks('- <b>bold</b>')).toEqual([{ kind: 'list', items: ['<b>bold</b>'] }]);
    expect(changelogBlocks('  \n\n')).toEqual([]);
  });
});

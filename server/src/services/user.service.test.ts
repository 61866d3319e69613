import { AccountError, checkLabel, checkName } from './user.service';

describe('account input checks', () => {
  it('accepts plain names, trimmed, and refuses markup, control characters and overlong names', () => {
    expect(checkName('  Ada Lovelace ')).toBe('Ada Lovelace');
    expect(checkName('lab-3_ftICR.v2')).toBe('lab-3_ftICR.v2');
    for (const bad of ['', ' ', '<script>', 'a\nb', '-leading-dash', 'x'.repeat(65), 'semi;colon']) {
      expect(() => checkName(bad)).toThrow(AccountError);
    }
    expect(checkName('x'.repeat(64))).toHaveLength(64);
  });

  it('names the field at fault', () => {
    try {
      checkName('<b>');
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(AccountError);
      expect((err as AccountError).kind).toBe('INVALID');
      expect((err as AccountError).field).toBe('name');
    }
  });

  it('labels keys "default" when none is given and caps their length', () => {
    expect(checkLabel(undefined)).toBe('default');
    expect(checkLabel('   ')).toBe('default');
    expect(checkLabel(' laptop ')).toBe('laptop');
    expect(() => checkLabel('x'.repeat(65))).toThrow(/at most 64/);
  });
});

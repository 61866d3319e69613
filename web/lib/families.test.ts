import { canonicalFamily, familyKey, familyLabel } from './families';

describe('one spelling per family', () => {
  test('every spelling of the Co/Rh family becomes Co–Rh', () => {
    for (const s of ['Co-Rh', 'Rh-Co', 'Co–Rh', 'Rh–Co']) {
      expect(canonicalFamily(s)).toBe('Co-Rh');
      expect(familyLabel(s)).toBe('Co–Rh');
    }
  });

  test('metals first, then non-metals, each alphabetical', () => {
    expect(familyKey(['Rh', 'Co'], ['H'])).toBe('Co-Rh-H');
    expect(familyKey(['V', 'Fe'], ['S', 'C'])).toBe('Fe-V-C-S');
    expect(familyLabel('Ta-S')).toBe('Ta–S');
  });
});

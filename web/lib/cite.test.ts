import { citeCluster, permalink } from './cite';

const mo5s2 = {
  id: 'Mo5S2-anion',
  formula: 'Mo5S2',
  charge: -1,
  datasetVersion: 'mou2025-cluster-n2@1.0.0+abc',
  origin: 'https://atlas.example',
  accessed: '2026-11-29',
  source: { citation: 'Mou et al., ACS Catal. 2025, 15, 6618', doi: '10.1021/acscatal.5c01379' },
};

describe('cluster citations', () => {
  test('the permalink pins the dataset version, URL-encoded', () => {
    expect(permalink('https://atlas.example', 'Mo5S2-anion', 'v 1+x')).toBe('https://atlas.example/clusters/Mo5S2-anion?v=v%201%2Bx');
  });

  test('plain text names record, version, link, access date and the measurement source', () => {
    const { text } = citeCluster(mo5s2);
    expect(text).toBe(
      'ClusterAtlas. Mo5S2 anion (record Mo5S2-anion), dataset version mou2025-cluster-n2@1.0.0+abc. https://atlas.example/clusters/Mo5S2-anion?v=mou2025-cluster-n2%401.0.0%2Babc (accessed 2026-11-29). Measured rate constant from Mou et al., ACS Catal. 2025, 15, 6618, doi:10.1021/acscatal.5c01379.',
    );
  });

  test('a contributed measurement without a DOI is cited without an empty "doi:"', () => {
    const { text } = citeCluster({ ...mo5s2, source: { citation: 'Lab notebook 12, run 7', doi: '' } });
    expect(text.endsWith('Measured rate constant from Lab notebook 12, run 7.')).toBe(true);
  });

  test('BibTeX is one @misc entry with balanced braces', () => {
    const { bibtex } = citeCluster({ ...mo5s2, datasetVersion: 'v{1}' });
    expect(bibtex.startsWith('@misc{clusteratlas_Mo5S2_anion,')).toBe(true);
    const unescaped = bibtex.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
    expect(bibtex).toContain('\\url{https://atlas.example/clusters/Mo5S2-anion?v=v%7B1%7D}');
  });

  test('RIS has a type first, an end record last, and two-letter tags', () => {
    const lines = citeCluster(mo5s2).ris.split('\n');
    expect(lines[0]).toBe('TY  - DATA');
    expect(lines[lines.length - 1]).toBe('ER  - ');
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain('ET  - mou2025-cluster-n2@1.0.0+abc');
  });
});

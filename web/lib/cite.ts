/**
 * Citations of one cluster record: plain text, BibTeX and RIS. The permalink pins the dataset
 * version (`?v=`), and the measured rate is always attributed to its source.
 */
export interface CiteInput {
  id: string;
  formula: string;
  charge: number;
  datasetVersion: string;
  /** Origin of the site, e.g. "https://clusteratlas.example". */
  origin: string;
  /** The day the record was viewed, YYYY-MM-DD. */
  accessed: string;
  source: { citation: string; doi: string | null } | null;
}

export interface Citations {
  permalink: string;
  text: string;
  bibtex: string;
  ris: string;
}

const chargeText = (q: number) => (q === 0 ? 'neutral' : q === -1 ? 'anion' : q === 1 ? 'cation' : `charge ${q}`);

/** BibTeX needs braces and backslashes escaped; ids are URL-safe already. */
const bib = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`);

export function permalink(origin: string, id: string, datasetVersion: string): string {
  return `${origin}/clusters/${encodeURIComponent(id)}?v=${encodeURIComponent(datasetVersion)}`;
}

export function citeCluster(c: CiteInput): Citations {
  const link = permalink(c.origin, c.id, c.datasetVersion);
  const name = `${c.formula} ${chargeText(c.charge)}`;
  const year = c.accessed.slice(0, 4);
  const sourceNote = c.source ? `Measured rate constant from ${c.source.citation}${c.source.doi ? `, doi:${c.source.doi}` : ''}.` : '';
  const text = `ClusterAtlas. ${name} (record ${c.id}), dataset version ${c.datasetVersion}. ${link} (accessed ${c.accessed}). ${sourceNote}`.trim();
  const key = `clusteratlas_${c.id.replace(/[^A-Za-z0-9]/g, '_')}`;
  const bibtex = [
    `@misc{${key},`,
    `  title = {${bib(name)} (record ${bib(c.id)})},`,
    `  author = {{ClusterAtlas}},`,
    `  year = {${year}},`,
    `  howpublished = {\\url{${link}}},`,
    `  note = {Dataset version ${bib(c.datasetVersion)}; accessed ${c.accessed}.${c.source ? ` ${bib(sourceNote)}` : ''}},`,
    `}`,
  ].join('\n');
  const ris = [
    'TY  - DATA',
    `TI  - ${name} (record ${c.id})`,
    'AU  - ClusterAtlas',
    `PY  - ${year}`,
    `ET  - ${c.datasetVersion}`,
    `UR  - ${link}`,
    `Y2  - ${c.accessed}`,
    ...(c.source ? [`N1  - ${sourceNote}`] : []),
    'ER  - ',
  ].join('\n');
  return { permalink: link, text, bibtex, ris };
}

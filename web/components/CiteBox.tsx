import { citeCluster, type CiteInput } from '@/lib/cite';
import { CopyButton } from './CopyButton';

/** "Cite this cluster": text, BibTeX and RIS, each with a copy button, and the version-pinned permalink. */
export function CiteBox(props: CiteInput & { servedVersion: string; pinnedVersion: string | null }) {
  const { servedVersion, pinnedVersion, ...input } = props;
  const cite = citeCluster(input);
  const formats: Array<[string, string, string]> = [
    ['Text', cite.text, 'cite-text'],
    ['BibTeX', cite.bibtex, 'cite-bibtex'],
    ['RIS', cite.ris, 'cite-ris'],
  ];
  return (
    <section className="card cite-box" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this cluster</h2>
      {pinnedVersion && pinnedVersion !== servedVersion ? (
        <p className="notice notice-warn" data-testid="version-mismatch">
          This link pins dataset version <code>{pinnedVersion}</code>; this server now serves <code>{servedVersion}</code>. The record id is stable across
          versions; values may differ.
        </p>
      ) : null}
      <p>
        Permalink (pins dataset version <code>{input.datasetVersion}</code>):{' '}
        <a href={cite.permalink} data-testid="permalink">
          {cite.permalink}
        </a>
      </p>
      {formats.map(([label, text, testId]) => (
        <details key={label} open={label === 'Text'}>
          <summary>{label}</summary>
          <pre className="wrap" data-testid={testId} tabIndex={0} aria-label={`Citation as ${label}`}>
            <code>{text}</code>
          </pre>
          <CopyButton text={text} label={`Copy ${label}`} />
        </details>
      ))}
      <p className="hint">
        Computed structures and predictions: CC BY 4.0. The measured rate belongs to its source; cite it as well. Software: see{' '}
        <a href="/about#cite">how to cite ClusterAtlas</a>.
      </p>
    </section>
  );
}

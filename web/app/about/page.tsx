import type { Metadata } from 'next';
import Link from 'next/link';
import { apiRequest, tryApi } from '@/lib/api/client';
import { AboutPageQuery } from '@/lib/api/queries';
import { ApiProblem } from '@/components/ApiStatus';
import { NotAvailable } from '@/components/NotAvailable';
import { ModelCardView } from '@/components/ModelCardView';
import { ModelCardQuery } from '@/lib/api/queries';

export const metadata: Metadata = { title: 'About the data' };
export const dynamic = 'force-dynamic';

export default async function AboutPage() {
  const [result, modelResult] = await Promise.all([tryApi(() => apiRequest(AboutPageQuery)), tryApi(() => apiRequest(ModelCardQuery))]);
  const data = result.ok ? result.value.data : null;
  const sources = new Map((data?.clusters.edges ?? []).flatMap((e) => e.node.measurements.map((m) => [m.source.id, m.source] as const)));

  return (
    <div className="prose">
      <h1>About ClusterAtlas</h1>
      <p>
        ClusterAtlas is an open database of how fast gas-phase metal clusters react with dinitrogen (N₂): the measured rate constants, computed 3D structures,
        and a graph neural network&apos;s predictions with their uncertainty, all behind one GraphQL API.
      </p>
      {!result.ok ? <ApiProblem message={result.error.message} /> : null}

      <h2>The data set</h2>
      {data?.dataset ? (
        <ul>
          <li>
            Name and version: <code>{data.dataset.version}</code>
          </li>
          <li>
            {data.dataset.clusterCount} clusters, {data.dataset.structureCount} with a computed structure
          </li>
        </ul>
      ) : null}
      <p>
        Measured rate constants k₁ (cm³ molecule⁻¹ s⁻¹) for reactions of gas-phase metal clusters with N₂, as compiled and published by Mou et al. (2025): 159
        clusters with one metal element and 57 with two, with the authors&apos; spin multiplicities and 10-fold cross-validation split for the homonuclear ones.
        Charges come from the published names (a bar after the formula marks an anion; unmarked Ta<sub>x</sub>S<sub>y</sub> clusters are neutral).
      </p>

      <h2>Sources</h2>
      {sources.size ? (
        <ul>
          {[...sources.values()].map((s) => (
            <li key={s.id}>
              {s.citation}.{' '}
              {s.doi ? (
                <a href={s.url ?? undefined} rel="noopener noreferrer">
                  doi:{s.doi}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">The source list could not be loaded.</p>
      )}
      <p>No per-measurement primary references, temperatures or pressures were published with the compiled data set, so every rate cites the compilation.</p>

      <h2 id="licence">Licence of the data</h2>
      <p>
        <strong>Computed data</strong> — the GFN2-xTB structures, partial charges, bond orders, derived quantities (k<sub>L</sub>, φ) and the model&apos;s
        predictions — are released under the{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener noreferrer">
          Creative Commons Attribution 4.0 International licence (CC BY 4.0)
        </a>
        : use them freely, citing ClusterAtlas and the dataset version.
      </p>
      <p>
        <strong>Measured rate constants</strong> belong to their source: they are taken from the public data set of Mou et al. (ACS Catal. 2025, 15, 6618;
        doi:10.1021/acscatal.5c01379); the authors&apos; DFT descriptors are not reproduced here. Cite that article for every rate you use. The ClusterAtlas
        software is MIT-licensed.
      </p>

      <h2 id="derived">Derived quantities</h2>
      <p>
        For charged clusters, the Langevin capture rate constant with N₂ (ion–induced-dipole capture, CGS units) is k<sub>L</sub> = 2π q √(α / μ), with q =
        |charge| × 4.80320 × 10<sup>−10</sup> esu,{' '}
        <strong>
          α(N₂) = 1.74 Å³ = 1.74 × 10<sup>−24</sup> cm³
        </strong>{' '}
        (the isotropic polarizability of N₂), and μ the cluster–N₂ reduced mass in g (cluster mass from IUPAC standard atomic weights). k<sub>L</sub> is in cm³
        molecule<sup>−1</sup> s<sup>−1</sup>, about 6 × 10<sup>−10</sup> for these clusters. The reaction efficiency is φ = k₁ / k<sub>L</sub>; both are
        undefined for neutral clusters.
      </p>
      <p>
        φ slightly above 1 (the largest is about 1.01) is within the uncertainty of the measured k₁ and of the simple Langevin model (no ion–quadrupole term, no
        thermal correction); read it as capture-limited, not as a rate faster than capture.
      </p>

      <h2>How structures were computed</h2>
      <p>
        No 3D structures were published with the rates, so ClusterAtlas computes its own: a search over starting geometries for each cluster, optimised with the
        semi-empirical GFN2-xTB method (program <code>xtb</code>) at the published spin multiplicity where there is one and the lowest multiplicity consistent
        with the electron count otherwise. Each structure file records the program version and every setting needed to reproduce it. Partial charges,
        coordination numbers and Wiberg bond orders come from the same calculation.
      </p>
      {data?.withStructure.edges[0]?.node.structure
        ? (() => {
            const { id, structure: st } = data.withStructure.edges[0].node;
            return (
              <>
                <p>
                  Method <strong>{st!.method}</strong>, program <code>{st!.program}</code> {st!.programVersion}. Bonds: {st!.bondRule}.
                </p>
                <details>
                  <summary>Search settings (as stored with {id})</summary>
                  <pre tabIndex={0} aria-label="Structure search settings">
                    <code>
                      {(() => {
                        try {
                          return JSON.stringify(JSON.parse(st!.settings), null, 2);
                        } catch {
                          return st!.settings;
                        }
                      })()}
                    </code>
                  </pre>
                </details>
              </>
            );
          })()
        : null}

      <h2>Model card</h2>
      {modelResult.ok ? (
        <>
          <ModelCardView model={modelResult.value.data.model} />
          <p>
            Held-out predictions against measurements: the <Link href="/trends">parity plot</Link>.
          </p>
        </>
      ) : (
        <NotAvailable what="The model card (architecture, training data, metrics)">
          {modelResult.error.code === 'MODEL_UNAVAILABLE' ? 'The prediction model is not loaded on this server.' : modelResult.error.message} See also the{' '}
          <Link href="/trends">parity plot</Link>.
        </NotAvailable>
      )}

      <h2 id="cite">How to cite</h2>
      <p>
        Cite the ClusterAtlas software with the metadata in <code>CITATION.cff</code> at the root of its repository, and each cluster with the Cite box on its
        page (text, BibTeX, RIS, and a permalink that pins the dataset version). Cite the measurements&apos; source:
      </p>
      <pre className="wrap">
        <code>
          L.-H. Mou, G.-D. Jiang, C. Wang, X. Cheng, J. Yu, Z. Li, J. Jiang, &quot;Unveiling Universal Reactivity Descriptors of Metal Clusters toward
          Dinitrogen Activation&quot;, ACS Catal. 2025, 15 (8), 6618-6627. doi:10.1021/acscatal.5c01379
        </code>
      </pre>
      <p>
        and name the ClusterAtlas dataset version you used ({data?.dataset ? <code>{data.dataset.version}</code> : 'shown in the page footer'}); every API
        response carries it in <code>extensions.datasetVersion</code>.
      </p>

      <h2>Downloads</h2>
      <p>
        The whole catalog: <a href="/download/clusters.csv">CSV</a> · <a href="/download/clusters.json">JSON</a>. All structures of this dataset version:{' '}
        <a href="/download/structures-xyz.tar.gz">XYZ files (tar.gz)</a> · <a href="/download/structures.extxyz">one extended-XYZ file</a>. Out-of-fold model
        predictions: <a href="/download/oof-predictions.json">JSON</a>. Any search result: the export links under the results. Programmatic access: the{' '}
        <Link href="/explorer">GraphQL API</Link>.
      </p>
      <script type="application/ld+json" data-testid="dataset-jsonld" dangerouslySetInnerHTML={{ __html: datasetJsonLd(data?.dataset ?? null) }} />
    </div>
  );
}

/**
 * schema.org Dataset metadata, so dataset search engines index the catalog with its licence,
 * version, downloads and source. `<` is escaped so the JSON cannot close the script element.
 */
function datasetJsonLd(dataset: { version: string; clusterCount: number; structureCount: number } | null): string {
  const doc = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: 'ClusterAtlas: reactivity of gas-phase metal clusters toward N2',
    description:
      'Measured rate constants k1 of gas-phase metal clusters with N2 (compiled by Mou et al., ACS Catal. 2025), with GFN2-xTB structures, Langevin capture rates, reaction efficiencies and graph-neural-network predictions.',
    ...(dataset ? { version: dataset.version, size: `${dataset.clusterCount} clusters, ${dataset.structureCount} with a computed structure` } : {}),
    license: 'https://creativecommons.org/licenses/by/4.0/',
    isBasedOn: {
      '@type': 'ScholarlyArticle',
      name: 'Unveiling Universal Reactivity Descriptors of Metal Clusters toward Dinitrogen Activation',
      identifier: 'https://doi.org/10.1021/acscatal.5c01379',
    },
    citation: 'https://doi.org/10.1021/acscatal.5c01379',
    keywords: ['metal clusters', 'nitrogen activation', 'rate constants', 'GFN2-xTB', 'graph neural network'],
    variableMeasured: [
      { '@type': 'PropertyValue', name: 'k1', unitText: 'cm3 molecule-1 s-1' },
      { '@type': 'PropertyValue', name: 'log10 k1', unitText: 'log10(cm3 molecule-1 s-1)' },
    ],
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: '/download/clusters.csv' },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: '/download/clusters.json' },
      { '@type': 'DataDownload', encodingFormat: 'application/gzip', contentUrl: '/download/structures-xyz.tar.gz' },
      { '@type': 'DataDownload', encodingFormat: 'chemical/x-extxyz', contentUrl: '/download/structures.extxyz' },
    ],
    creator: { '@type': 'Organization', name: 'ClusterAtlas contributors' },
  };
  return JSON.stringify(doc).replace(/</g, '\\u003c');
}

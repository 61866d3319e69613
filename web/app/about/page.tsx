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
              <a href={s.url} rel="noopener noreferrer">
                doi:{s.doi}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">The source list could not be loaded.</p>
      )}
      <p>
        No per-measurement primary references, temperatures or pressures were published with the compiled data set, so every rate cites the compilation.
      </p>

      <h2>Licence of the data</h2>
      <p>
        The measured values are facts taken from the public data set of the cited article; the authors&apos; DFT descriptors are not reproduced here. Cite the
        article (doi:10.1021/acscatal.5c01379) as the source of every rate. The ClusterAtlas code is MIT-licensed.
      </p>

      <h2>How structures were computed</h2>
      <p>
        No 3D structures were published with the rates, so ClusterAtlas computes its own: a search over starting geometries for each cluster, optimised with the
        semi-empirical GFN2-xTB method (program <code>xtb</code>) at the published spin multiplicity where there is one and the lowest multiplicity consistent with
        the electron count otherwise. Each structure file records the program version and every setting needed to reproduce it. Partial charges, coordination
        numbers and Wiberg bond orders come from the same calculation.
      </p>
      {data?.withStructure.edges[0]?.node.structure ? (
        (() => {
          const { id, structure: st } = data.withStructure.edges[0].node;
          return (
            <>
              <p>
                Method <strong>{st!.method}</strong>, program <code>{st!.program}</code> {st!.programVersion}. Bonds: {st!.bondRule}.
              </p>
              <details>
                <summary>Search settings (as stored with {id})</summary>
                <pre tabIndex={0} aria-label="Structure search settings">
                  <code>{(() => { try { return JSON.stringify(JSON.parse(st!.settings), null, 2); } catch { return st!.settings; } })()}</code>
                </pre>
              </details>
            </>
          );
        })()
      ) : null}

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

      <h2>How to cite</h2>
      <p>Cite the measurements&apos; source:</p>
      <pre className="wrap">
        <code>
          L.-H. Mou, G.-D. Jiang, C. Wang, X. Cheng, J. Yu, Z. Li, J. Jiang, &quot;Unveiling Universal Reactivity Descriptors of Metal Clusters toward Dinitrogen
          Activation&quot;, ACS Catal. 2025, 15 (8), 6618-6627. doi:10.1021/acscatal.5c01379
        </code>
      </pre>
      <p>
        and name the ClusterAtlas dataset version you used ({data?.dataset ? <code>{data.dataset.version}</code> : 'shown in the page footer'}); every API
        response carries it in <code>extensions.datasetVersion</code>.
      </p>

      <h2>Downloads</h2>
      <p>
        The whole catalog: <a href="/download/clusters.csv">CSV</a> · <a href="/download/clusters.json">JSON</a>. Programmatic access: the{' '}
        <Link href="/explorer">GraphQL API</Link>.
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { apiRequest, tryApi } from '@/lib/api/client';
import { ClusterPageQuery, SeriesQuery } from '@/lib/api/queries';
import { loadLimits } from '@/lib/api/limits';
import { headers } from 'next/headers';
import { CiteBox } from '@/components/CiteBox';
import { SeriesPlot } from '@/components/SeriesPlot';
import { familyLabel } from '@/lib/families';
import { clusterTitle, fixed, signed } from '@/lib/chem-format';
import { ApiProblem } from '@/components/ApiStatus';
import { CompareToggle } from '@/components/CompareToggle';
import { DownloadText } from '@/components/DownloadText';
import { Efficiency, Formula, RATE_UNIT, Scientific } from '@/components/Formula';
import { NotAvailable } from '@/components/NotAvailable';
import { QueryPanel } from '@/components/QueryPanel';
import { ClusterStructurePanel } from '@/components/AttributionPanel';
import { HeldOutPredictions } from '@/components/HeldOutPredictions';
import { PredictionSummary } from '@/components/PredictionSummary';
import { RateCell } from '@/components/RateCell';
import { fieldError } from '@/lib/api/errors';
import type { SubgraphInfoFragment } from '@/lib/api/generated/graphql';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page share one request per render.
const load = cache((id: string) => tryApi(() => apiRequest(ClusterPageQuery, { id })));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const result = await load(decodeURIComponent(id));
  const c = result.ok ? result.value.data.cluster : null;
  return { title: c ? clusterTitle(c.formula, c.charge) : 'Cluster' };
}

export default async function ClusterPage({ params, searchParams }: Params) {
  const id = decodeURIComponent((await params).id);
  const result = await load(id);
  if (!result.ok) {
    if (result.error.code === 'BAD_USER_INPUT') notFound();
    return (
      <>
        <h1>Cluster {id}</h1>
        <ApiProblem message={result.error.message} />
      </>
    );
  }
  const { data, errors } = result.value;
  const c = data.cluster;
  if (!c) notFound();
  const title = clusterTitle(c.formula, c.charge);
  const predictionError = fieldError(errors, 'cluster', 'prediction');
  const s = c.structure;
  const subgraphs = [data.metalCore, data.ligandShell].filter((g): g is SubgraphInfoFragment => Boolean(g));
  const elements = c.composition.map((e) => e.element);
  // A series is a handful of sizes: one page of the API's largest size holds it.
  const series = await tryApi(async () =>
    apiRequest(SeriesQuery, { filter: { elements: { allOf: elements, only: elements }, charges: [c.charge] }, first: (await loadLimits()).maxPageSize }),
  );
  const ligandKey = (comp: Array<{ element: string; count: number; isMetal: boolean }>) =>
    comp
      .filter((e) => !e.isMetal)
      .map((e) => `${e.element}${e.count === 1 ? '' : e.count}`)
      .join('');
  const servedVersion = result.value.versions.datasetVersion ?? 'unknown';
  const pinned = (await searchParams)?.v;
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost'}`;

  return (
    <article>
      <div className="page-head">
        <h1>
          <Formula formula={c.formula} charge={c.charge} /> <span className="hint">{c.charge === 0 ? 'neutral' : c.charge < 0 ? 'anion' : 'cation'}</span>
        </h1>
        <CompareToggle pick={{ id: c.id, formula: c.formula, charge: c.charge }} label={title} />
      </div>
      <p className="subtitle">
        Published as <q>{c.publishedName}</q> · {c.nuclearity === 'HOMONUCLEAR' ? 'one metal element' : 'two metal elements'} ({familyLabel(c.metalFamily)}) ·
        id <code>{c.id}</code>
      </p>

      <dl className="facts">
        <div>
          <dt>Charge</dt>
          <dd>{signed(c.charge)}</dd>
        </div>
        <div>
          <dt>Spin multiplicity</dt>
          <dd>{c.multiplicity ?? <span className="hint">not published</span>}</dd>
        </div>
        <div>
          <dt>Atoms</dt>
          <dd>
            {c.atomCount} ({c.metalAtomCount} metal)
          </dd>
        </div>
        <div>
          <dt>Composition</dt>
          <dd>{c.composition.map((e) => `${e.element}${e.count}`).join(' ')}</dd>
        </div>
        <div>
          <dt>Mass</dt>
          <dd>{c.massU.toFixed(2)} u</dd>
        </div>
        <div>
          <dt>Authors&apos; CV fold</dt>
          <dd>{c.cvFold ?? <span className="hint">none</span>}</dd>
        </div>
      </dl>

      <div className="two-col" style={{ marginTop: '1.25rem' }}>
        <section className="card" aria-labelledby="structure-heading">
          <h2 id="structure-heading">3D structure</h2>
          {s ? (
            <ClusterStructurePanel clusterId={c.id} structure={s} label={title} modelAvailable={Boolean(c.prediction)} />
          ) : (
            <NotAvailable what="Computed structure">
              No GFN2-xTB structure has been computed for this cluster yet; the structure search adds them over time.
            </NotAvailable>
          )}
        </section>

        <section className="card" aria-labelledby="rate-heading">
          <h2 id="rate-heading">Reactivity toward N₂</h2>
          <dl className="facts">
            <div>
              <dt>
                log<sub>10</sub> k<sub>1</sub> measured
              </dt>
              <dd>{fixed(c.log10K1)}</dd>
            </div>
            <div>
              <dt>
                k<sub>1</sub>
              </dt>
              <dd>
                <Scientific value={c.k1Cm3PerMoleculeS} digits="as-given" />
              </dd>
            </div>
            <div>
              <dt>
                Langevin k<sub>L</sub>
              </dt>
              <dd>
                {c.langevinRateCm3PerMoleculeS == null ? <span className="hint">neutral: none</span> : <Scientific value={c.langevinRateCm3PerMoleculeS} />}
              </dd>
            </div>
            <div>
              <dt>Efficiency φ = k₁/k_L</dt>
              <dd>
                <Efficiency value={c.efficiency} />
              </dd>
            </div>
          </dl>
          {c.efficiency != null && c.efficiency > 1 ? (
            <p className="notice" data-testid="phi-note">
              φ above 1 is within the uncertainty of the measured k₁ and of the Langevin model (α(N₂) = 1.74 Å³, no ion–quadrupole term): read it as
              capture-limited. <Link href="/about#derived">How k_L is computed</Link>.
            </p>
          ) : null}
          <p className="hint">Rate constants in {RATE_UNIT}.</p>
          <h3>Model prediction</h3>
          <PredictionSummary prediction={c.prediction} error={predictionError} measured={c.log10K1} hasStructure={Boolean(s)} />
          <HeldOutPredictions rows={c.heldOutPredictions} measured={c.log10K1} />
          {subgraphs.length ? (
            <>
              <h3>Charge polarization</h3>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Partial-charge statistics of the metal core and ligand shell</caption>
                  <thead>
                    <tr>
                      <th scope="col">Subgraph</th>
                      <th scope="col" className="num">
                        Atoms
                      </th>
                      <th scope="col" className="num">
                        Σq / e
                      </th>
                      <th scope="col" className="num">
                        σ(q) / e
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {subgraphs.map((g) => (
                      <tr key={g.kind}>
                        <td>{g.kind === 'METAL_CORE' ? 'Metal core' : g.kind === 'LIGAND_SHELL' ? 'Ligand shell' : g.kind}</td>
                        <td className="num">{g.atoms.length}</td>
                        <td className="num">{fixed(g.totalCharge, 3)}</td>
                        <td className="num">{fixed(g.chargePolarization, 3)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="hint">GFN2-xTB partial charges; σ(q) is the charge polarization (population standard deviation within the subgraph).</p>
            </>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="series-heading">
        <h2 id="series-heading">Series: rate against size</h2>
        {series.ok ? (
          <SeriesPlot
            currentId={c.id}
            title={`log10 k1 against size for ${c.composition.map((e) => e.element).join('–')} clusters with charge ${signed(c.charge)}`}
            points={series.value.data.clusters.edges.map(({ node }) => ({ ...node, ligandKey: ligandKey(node.composition) }))}
          />
        ) : (
          <p className="hint">The series could not be loaded.</p>
        )}
      </section>

      <section aria-labelledby="measurements-heading">
        <h2 id="measurements-heading">Measurements</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Reactant</th>
                <th scope="col" className="num">
                  log<sub>10</sub> k<sub>1</sub>
                </th>
                <th scope="col" className="num">
                  k<sub>1</sub>
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {c.measurements.map((m) => (
                <tr key={m.id}>
                  <td>{m.reactant === 'N2' ? 'N₂' : m.reactant}</td>
                  <td className="num">{fixed(m.log10K1)}</td>
                  <td className="num">
                    <Scientific value={m.k1Cm3PerMoleculeS} digits="as-given" />
                  </td>
                  <td className="source-cell">
                    {m.source.citation} {/* Contributed measurements may have no DOI (null). */}
                    {m.source.doi ? (
                      <a href={m.source.url ?? undefined} rel="noopener noreferrer">
                        doi:{m.source.doi}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="two-col">
        <section aria-labelledby="isomers-heading">
          <h2 id="isomers-heading">Isomers</h2>
          {c.isomers.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col" className="num">
                      ΔE / kcal mol<sup>−1</sup>
                    </th>
                    <th scope="col" className="num">
                      2S+1
                    </th>
                    <th scope="col" className="num hide-phone">
                      Gap / eV
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.isomers.map((i) => (
                    <tr key={i.id}>
                      <td>{i.rank === 0 ? '0 (shown)' : i.rank}</td>
                      <td className="num">{fixed(i.relativeEnergyKcalPerMol, 2)}</td>
                      <td className="num">{i.multiplicity}</td>
                      <td className="num hide-phone">{fixed(i.homoLumoGapEv, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <NotAvailable what="Isomers">No computed isomers for this cluster yet.</NotAvailable>
          )}
        </section>
        <section aria-labelledby="similar-heading">
          <h2 id="similar-heading">Similar clusters</h2>
          {data.similar && data.similar.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Cluster</th>
                    <th scope="col" className="num">
                      Similarity
                    </th>
                    <th scope="col" className="num">
                      log<sub>10</sub> k<sub>1</sub>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.similar.map((m) => (
                    <tr key={m.cluster.id}>
                      <td>
                        <Link href={`/clusters/${encodeURIComponent(m.cluster.id)}`} aria-label={clusterTitle(m.cluster.formula, m.cluster.charge)}>
                          <Formula formula={m.cluster.formula} charge={m.cluster.charge} />
                        </Link>
                      </td>
                      <td className="num">{m.similarity.toFixed(3)}</td>
                      <td className="num">
                        <RateCell value={m.cluster.log10K1} min={-15.1} max={-9.2} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <NotAvailable what="Similar clusters">
              {fieldError(errors, 'similar')?.code === 'MODEL_UNAVAILABLE'
                ? 'Similarity uses the model’s embeddings, and the model is not loaded on this server.'
                : 'Similarity needs this cluster’s structure and the model’s embedding.'}
            </NotAvailable>
          )}
        </section>
      </div>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <div className="actions">
          <DownloadText text={JSON.stringify(c, null, 2)} filename={`${c.id}.json`} mime="application/json" label="JSON" />
          {s ? (
            <>
              <DownloadText text={s.xyz} filename={`${c.id}.xyz`} mime="chemical/x-xyz" label="XYZ" />
              <DownloadText text={s.extendedXyz} filename={`${c.id}.extxyz`} mime="chemical/x-xyz" label="Extended XYZ" />
            </>
          ) : (
            <span className="hint">XYZ downloads appear once a structure is computed.</span>
          )}
          <Link className="button-quiet" href={`/compare?ids=${encodeURIComponent(c.id)}`}>
            Compare with…
          </Link>
        </div>
      </section>

      <CiteBox
        id={c.id}
        formula={c.formula}
        charge={c.charge}
        datasetVersion={servedVersion}
        servedVersion={servedVersion}
        pinnedVersion={typeof pinned === 'string' ? pinned : null}
        origin={origin}
        accessed={new Date().toISOString().slice(0, 10)}
        source={c.measurements[0] ? { citation: c.measurements[0].source.citation, doi: c.measurements[0].source.doi } : null}
      />

      <section aria-labelledby="query-heading">
        <h2 id="query-heading" className="visually-hidden">
          Query
        </h2>
        <QueryPanel query={ClusterPageQuery.toString()} variables={{ id: c.id }} />
      </section>
    </article>
  );
}

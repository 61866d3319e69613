import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { apiRequest, tryApi } from '@/lib/api/client';
import { ClusterPageQuery } from '@/lib/api/queries';
import { clusterTitle, fixed, signed } from '@/lib/chem-format';
import { ApiProblem } from '@/components/ApiStatus';
import { CompareToggle } from '@/components/CompareToggle';
import { DownloadText } from '@/components/DownloadText';
import { Formula, RATE_UNIT, Scientific } from '@/components/Formula';
import { NotAvailable } from '@/components/NotAvailable';
import { QueryPanel } from '@/components/QueryPanel';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

// generateMetadata and the page share one request per render.
const load = cache((id: string) => tryApi(() => apiRequest(ClusterPageQuery, { id })));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const result = await load(decodeURIComponent(id));
  const c = result.ok ? result.value.data.cluster : null;
  return { title: c ? clusterTitle(c.formula, c.charge) : 'Cluster' };
}

export default async function ClusterPage({ params }: Params) {
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
  const c = result.value.data.cluster;
  if (!c) notFound();
  const title = clusterTitle(c.formula, c.charge);

  return (
    <article>
      <div className="page-head">
        <h1>
          <Formula formula={c.formula} charge={c.charge} /> <span className="hint">{c.charge === 0 ? 'neutral' : c.charge < 0 ? 'anion' : 'cation'}</span>
        </h1>
        <CompareToggle pick={{ id: c.id, formula: c.formula, charge: c.charge }} label={title} />
      </div>
      <p className="subtitle">
        Published as <q>{c.publishedName}</q> · {c.nuclearity === 'HOMONUCLEAR' ? 'one metal element' : 'two metal elements'} ({c.metalFamily}) · id <code>{c.id}</code>
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
            {c.size} ({c.metalAtomCount} metal)
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
          <NotAvailable what="Computed structures">
            {c.hasStructure
              ? 'A GFN2-xTB structure is stored for this cluster, but the API does not serve structures yet.'
              : 'No computed structure is stored for this cluster yet.'}
          </NotAvailable>
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
                <Scientific value={c.k1Cm3PerMoleculeS} />
              </dd>
            </div>
            <div>
              <dt>
                Langevin k<sub>L</sub>
              </dt>
              <dd>{c.langevinRateCm3PerMoleculeS == null ? <span className="hint">neutral: none</span> : <Scientific value={c.langevinRateCm3PerMoleculeS} />}</dd>
            </div>
            <div>
              <dt>Efficiency φ = k₁/k_L</dt>
              <dd>{c.efficiency == null ? <span className="hint">—</span> : c.efficiency.toPrecision(3)}</dd>
            </div>
          </dl>
          <p className="hint">Rate constants in {RATE_UNIT}.</p>
          <h3>Model prediction</h3>
          <NotAvailable what="Predictions" />
        </section>
      </div>

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
                    <Scientific value={m.k1Cm3PerMoleculeS} />
                  </td>
                  <td>
                    {m.source.citation}{' '}
                    <a href={m.source.url} rel="noopener noreferrer">
                      doi:{m.source.doi}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="attr-heading">
        <h2 id="attr-heading">Attributions</h2>
        <NotAvailable what="Atom and subgraph attributions and charge polarization" />
      </section>

      <div className="two-col">
        <section aria-labelledby="isomers-heading">
          <h2 id="isomers-heading">Isomers</h2>
          <NotAvailable what="Isomers" />
        </section>
        <section aria-labelledby="similar-heading">
          <h2 id="similar-heading">Similar clusters</h2>
          <NotAvailable what="Similar clusters" />
        </section>
      </div>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <div className="actions">
          <DownloadText text={JSON.stringify(c, null, 2)} filename={`${c.id}.json`} mime="application/json" label="JSON" />
          <button type="button" className="button-quiet" disabled title="Structures are not served by the API yet">
            XYZ (not available yet)
          </button>
          <button type="button" className="button-quiet" disabled title="Structures are not served by the API yet">
            Extended XYZ (not available yet)
          </button>
          <Link className="button-quiet" href={`/compare?ids=${encodeURIComponent(c.id)}`}>
            Compare with…
          </Link>
        </div>
      </section>

      <section aria-labelledby="query-heading">
        <h2 id="query-heading" className="visually-hidden">
          Query
        </h2>
        <QueryPanel query={ClusterPageQuery.toString()} variables={{ id: c.id }} />
      </section>
    </article>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { apiRequest, tryApi } from '@/lib/api/client';
import type { TrendsPageQuery } from '@/lib/api/generated/graphql';
import { TrendsPageQuery as TrendsPageQueryDoc } from '@/lib/api/queries';
import { fixed } from '@/lib/chem-format';
import { canonicalFamily, familyCounts, familyKey, familyLabel, type TrendPoint } from '@/lib/families';
import { ApiProblem } from '@/components/ApiStatus';
import { Formula } from '@/components/Formula';
import { NotAvailable } from '@/components/NotAvailable';
import { TrendsPlot } from '@/components/TrendsPlot';
import { ParityPlot } from '@/components/ParityPlot';
import { ModelCardView } from '@/components/ModelCardView';
import { ModelCardQuery } from '@/lib/api/queries';
import { loadOofPredictions } from '@/lib/oof';
import { loadLimits } from '@/lib/api/limits';

export const metadata: Metadata = { title: 'Trends' };
export const dynamic = 'force-dynamic';

const DEFAULT_FAMILIES = ['Ta-S', 'V-C'];

async function loadAll(): Promise<TrendPoint[]> {
  const points: TrendPoint[] = [];
  let after: string | null = null;
  const { maxPageSize } = await loadLimits();
  // The catalog is a few hundred clusters: three pages at most.
  for (let page = 0; page < 50; page++) {
    const { data }: { data: TrendsPageQuery } = await apiRequest(TrendsPageQueryDoc, { after, first: maxPageSize });
    for (const { node } of data.clusters.edges) {
      if (node.log10K1 == null) continue;
      points.push({
        id: node.id,
        formula: node.formula,
        charge: node.charge,
        atomCount: node.atomCount,
        metalAtomCount: node.metalAtomCount,
        family: familyKey(node.metals, node.ligands),
        log10K1: node.log10K1,
      });
    }
    if (!data.clusters.pageInfo.hasNextPage) break;
    after = data.clusters.pageInfo.endCursor;
  }
  return points;
}

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const result = await tryApi(loadAll);
  if (!result.ok) {
    return (
      <>
        <h1>Trends</h1>
        <ApiProblem message={result.error.message} />
      </>
    );
  }
  const all = result.value;
  const families = familyCounts(all);
  const asked = (Array.isArray(params.f) ? params.f : params.f ? [params.f] : []).flatMap((f) => f.split(','));
  const chosen = (asked.length ? asked : DEFAULT_FAMILIES).map(canonicalFamily).filter((f) => families.some((x) => x.family === f));
  const x = params.x === 'metal' ? 'metalAtomCount' : 'atomCount';
  const points = all.filter((p) => chosen.includes(p.family));
  const [modelResult, oof] = await Promise.all([tryApi(() => apiRequest(ModelCardQuery)), loadOofPredictions()]);
  const protocolKey = typeof params.protocol === 'string' ? params.protocol : null;
  // Default: the first protocol the training script lists (the authors' 10-fold CV).
  const protocol = oof.ok ? (oof.protocols.find((p) => p.key === protocolKey) ?? oof.protocols[0]) : undefined;
  const parity = (protocol?.rows ?? []).map((r) => ({
    id: r.id,
    formula: r.formula,
    family: familyLabel(r.family),
    observed: r.observedLog10K1,
    predicted: r.gin!.meanLog10K1,
    std: r.gin!.stdLog10K1,
  }));

  return (
    <>
      <h1>Trends</h1>
      <p className="prose">Measured rate constants for N₂ against cluster size, for the families you choose. Lines join each family&apos;s mean per size.</p>
      <form method="get" action="/trends" className="card">
        <fieldset>
          <legend>Families (elements)</legend>
          <div className="family-picker">
            {families.map((f) => (
              <label key={f.family} className="check">
                <input type="checkbox" name="f" value={f.family} defaultChecked={chosen.includes(f.family)} /> {familyLabel(f.family)}{' '}
                <span className="count">({f.count})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="query-row">
          <label htmlFor="x">Size axis</label>
          <select id="x" name="x" defaultValue={x === 'metalAtomCount' ? 'metal' : ''}>
            <option value="">all atoms</option>
            <option value="metal">metal atoms</option>
          </select>
          {/* Keep the parity form's choice when the families change. */}
          {protocolKey ? <input type="hidden" name="protocol" value={protocolKey} /> : null}
          <button type="submit" className="button">
            Plot
          </button>
        </div>
      </form>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">
          log<sub>10</sub> k<sub>1</sub> against size: {chosen.map(familyLabel).join(', ') || 'no family chosen'}
        </h2>
        {points.length ? (
          <figure style={{ margin: 0 }}>
            <TrendsPlot points={points} x={x} />
            <figcaption className="hint">
              {points.length} measured clusters. Hover a point for its formula, select it to open the cluster; the table below lists the same data.
            </figcaption>
          </figure>
        ) : (
          <p className="notice">Tick at least one family above.</p>
        )}
        {points.length ? (
          <details>
            <summary>Data table</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Cluster</th>
                    <th scope="col">Family</th>
                    <th scope="col" className="num">
                      Atoms
                    </th>
                    <th scope="col" className="num">
                      log<sub>10</sub> k<sub>1</sub>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link href={`/clusters/${encodeURIComponent(p.id)}`}>
                          <Formula formula={p.formula} charge={p.charge} />
                        </Link>
                      </td>
                      <td>{familyLabel(p.family)}</td>
                      <td className="num">{p.atomCount}</td>
                      <td className="num">{fixed(p.log10K1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="parity-heading">
        <h2 id="parity-heading">Model parity plot</h2>
        {oof.ok && protocol ? (
          <>
            <form method="get" action="/trends" className="query-row">
              {/* Keep the trend form's families and axis when the protocol changes. */}
              {chosen.map((f) => (
                <input key={f} type="hidden" name="f" value={f} />
              ))}
              {x === 'metalAtomCount' ? <input type="hidden" name="x" value="metal" /> : null}
              <label htmlFor="protocol">Evaluation protocol</label>
              <select id="protocol" name="protocol" defaultValue={protocol.key}>
                {oof.protocols.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.title}
                  </option>
                ))}
              </select>
              <button type="submit" className="button-quiet">
                Show
              </button>
            </form>
            <p className="hint">{protocol.description} Every point was predicted by a model that never saw it; bars are ±1σ over the ensemble.</p>
            <ParityPlot points={parity} />
          </>
        ) : (
          <NotAvailable what="Out-of-fold predictions">{oof.ok ? 'The file lists no protocol.' : oof.reason}</NotAvailable>
        )}
        <h2>Model card</h2>
        {modelResult.ok ? (
          <ModelCardView model={modelResult.value.data.model} />
        ) : (
          <NotAvailable what="Model card">
            {modelResult.error.code === 'MODEL_UNAVAILABLE' ? 'The prediction model is not loaded on this server.' : modelResult.error.message}
          </NotAvailable>
        )}
      </section>
    </>
  );
}

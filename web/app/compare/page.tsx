import { familyLabel } from '@/lib/families';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { apiRequest, tryApi } from '@/lib/api/client';
import type { ComparePageQuery as ComparePageResult } from '@/lib/api/generated/graphql';
import { StructureViewerLazy } from '@/components/StructureViewerLazy';
import { fixed as fx } from '@/lib/chem-format';
import { ClusterIdByFormulaQuery, ComparePageQuery } from '@/lib/api/queries';
import { clusterTitle, signed } from '@/lib/chem-format';
import { compareUrl, MAX_COMPARE_IDS, parseCompareIds } from '@/lib/compare-ids';
import { ApiProblem } from '@/components/ApiStatus';
import { Efficiency, Formula, RATE_UNIT, Scientific } from '@/components/Formula';
import { NotAvailable } from '@/components/NotAvailable';
import { QueryPanel } from '@/components/QueryPanel';
import { RateCell } from '@/components/RateCell';
import { SyncPicks } from '@/components/SyncPicks';

export const metadata: Metadata = { title: 'Compare clusters' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
type CompareCluster = ComparePageResult['clusters']['edges'][number]['node'];

export default async function ComparePage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ids, rejected } = parseCompareIds(params.ids);
  const addFormula = typeof params.formula === 'string' ? params.formula.trim() : '';
  const addCharge = typeof params.charge === 'string' && params.charge.trim() !== '' ? Number(params.charge.replace('\u2212', '-')) : 0;

  let addError: string | null = null;
  if (addFormula) {
    if (!Number.isInteger(addCharge)) addError = `Charge "${String(params.charge)}" is not a whole number.`;
    else {
      const found = await tryApi(() => apiRequest(ClusterIdByFormulaQuery, { formula: addFormula, charge: addCharge }));
      if (found.ok && found.value.data.clusterByFormula) {
        const id = found.value.data.clusterByFormula.id;
        redirect(compareUrl(ids.includes(id) ? ids : [...ids, id].slice(-MAX_COMPARE_IDS)));
      }
      addError = found.ok ? `No cluster ${addFormula} with charge ${signed(addCharge)} in the catalog.` : found.error.message;
    }
  }

  const result = ids.length ? await tryApi(() => apiRequest(ComparePageQuery, { ids, first: ids.length })) : null;
  if (result && !result.ok && result.error.isOutage) {
    return (
      <>
        <h1>Compare clusters</h1>
        <ApiProblem message={result.error.message} />
      </>
    );
  }
  const byId = new Map((result?.ok ? result.value.data.clusters.edges : []).map((e) => [e.node.id, e.node]));
  const clusters = ids.map((id) => byId.get(id)).filter((c): c is CompareCluster => Boolean(c));
  const missing = ids.filter((id) => !byId.has(id));
  const values = clusters.map((c) => c.log10K1).filter((v): v is number => v != null);
  const range = { min: Math.min(-15, ...values), max: Math.max(-9, ...values) };

  const row = (label: ReactNode, cell: (c: CompareCluster) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {clusters.map((c) => (
        <td key={c.id}>{cell(c)}</td>
      ))}
    </tr>
  );

  return (
    <>
      <h1>Compare clusters</h1>
      <SyncPicks picks={clusters.map((c) => ({ id: c.id, formula: c.formula, charge: c.charge }))} />
      {result && !result.ok ? (
        <div className="notice notice-error" role="alert">
          {result.error.message}
        </div>
      ) : null}
      {rejected.length || missing.length ? (
        <div className="notice notice-warn">
          Not shown:{' '}
          {[...rejected.map((r) => `"${r}" (not a cluster id, or more than ${MAX_COMPARE_IDS})`), ...missing.map((m) => `"${m}" (no such cluster)`)].join('; ')}
          .
        </div>
      ) : null}
      {clusters.length < 2 ? (
        <p>
          Pick two to four clusters with the <strong>+ Compare</strong> buttons on the <Link href="/">search page</Link> or on a cluster page, or add one by
          formula below. The address of this page lists the clusters, so a comparison can be shared.
        </p>
      ) : null}

      {clusters.length ? (
        <div className="table-wrap">
          <table className="compare-table">
            <caption className="visually-hidden">Properties of the compared clusters, one column each</caption>
            <thead>
              <tr>
                <td />
                {clusters.map((c) => (
                  <th key={c.id} scope="col" data-cluster-id={c.id}>
                    <Link href={`/clusters/${encodeURIComponent(c.id)}`} aria-label={clusterTitle(c.formula, c.charge)}>
                      <Formula formula={c.formula} charge={c.charge} />
                    </Link>{' '}
                    <Link
                      className="hint"
                      href={compareUrl(ids.filter((i) => i !== c.id))}
                      aria-label={`Remove ${clusterTitle(c.formula, c.charge)} from the comparison`}
                    >
                      remove
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row('Charge', (c) => signed(c.charge))}
              {row('Spin multiplicity', (c) => c.multiplicity ?? '—')}
              {row('Atoms (metal)', (c) => `${c.atomCount} (${c.metalAtomCount})`)}
              {row('Metals', (c) => familyLabel(c.metalFamily))}
              {row('Ligands', (c) => (c.ligands.length ? c.ligands.join(', ') : 'none'))}
              {row('Mass / u', (c) => c.massU.toFixed(2))}
              {row(
                <>
                  log<sub>10</sub> k<sub>1</sub> measured
                </>,
                (c) => (
                  <RateCell value={c.log10K1} min={range.min} max={range.max} />
                ),
              )}
              {row(
                <>
                  k<sub>1</sub>
                </>,
                (c) => (
                  <Scientific value={c.k1Cm3PerMoleculeS} digits="as-given" />
                ),
              )}
              {row(
                <>
                  Langevin k<sub>L</sub>
                </>,
                (c) => (c.langevinRateCm3PerMoleculeS == null ? '—' : <Scientific value={c.langevinRateCm3PerMoleculeS} />),
              )}
              {row('Efficiency φ', (c) => (
                <Efficiency value={c.efficiency} />
              ))}
              {row(
                <>
                  Predicted log<sub>10</sub> k<sub>1</sub>
                </>,
                (c) =>
                  c.prediction
                    ? `${fx(c.prediction.log10K1)}, 68 % [${fx(c.prediction.interval68.lowLog10K1)}, ${fx(c.prediction.interval68.highLog10K1)}] (${c.prediction.kind === 'HELD_OUT' ? 'held out' : 'in-sample'})`
                    : '—',
              )}
              {row('Applicability domain', (c) => (c.prediction ? (c.prediction.domain.inDomain ? 'inside' : 'outside') : '—'))}
              {row('Structure', (c) => (c.structure ? `${c.structure.method}, 2S+1 = ${c.structure.multiplicity}` : 'not computed yet'))}
              {row('HOMO–LUMO gap / eV', (c) => fx(c.structure?.homoLumoGapEv))}
              {row('Dipole / D', (c) => fx(c.structure?.dipoleDebye))}
              {row('Partial charges q / e (min … max)', (c) =>
                c.structure
                  ? `${fx(Math.min(...c.structure.atoms.map((a) => a.partialCharge)))} … ${fx(Math.max(...c.structure.atoms.map((a) => a.partialCharge)))}`
                  : '—',
              )}
              {row('Source', (c) =>
                c.measurements[0]?.source.doi ? (
                  <a href={c.measurements[0].source.url ?? undefined}>doi:{c.measurements[0].source.doi}</a>
                ) : (
                  (c.measurements[0]?.source.citation ?? '—')
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {clusters.length ? <p className="hint">Rate constants in {RATE_UNIT}; log10 k bars share one scale.</p> : null}

      {clusters.length ? (
        <section aria-labelledby="cmp-structures">
          <h2 id="cmp-structures">Structures</h2>
          {clusters.some((c) => c.structure) ? (
            <>
              <p className="hint">The views rotate and zoom together.</p>
              <div className="compare-grid" style={{ ['--cols' as string]: String(clusters.length) }}>
                {clusters.map((c) => (
                  <div key={c.id} className="card" data-compare-structure={c.id}>
                    <h3>
                      <Formula formula={c.formula} charge={c.charge} />
                    </h3>
                    {c.structure ? (
                      <StructureViewerLazy
                        atoms={c.structure.atoms}
                        bonds={c.structure.bonds}
                        label={clusterTitle(c.formula, c.charge)}
                        linkGroup="compare"
                        compact
                      />
                    ) : (
                      <NotAvailable what="Structure">Not computed yet.</NotAvailable>
                    )}
                  </div>
                ))}
              </div>
            </>
          ) : (
            <NotAvailable what="Structures">None of these clusters has a computed structure yet.</NotAvailable>
          )}
        </section>
      ) : null}

      <section aria-labelledby="cmp-add">
        <h2 id="cmp-add">Add a cluster</h2>
        {ids.length >= MAX_COMPARE_IDS ? (
          <p className="hint">Four clusters is the most a comparison shows; remove one to add another.</p>
        ) : (
          <form method="get" action="/compare" className="card">
            <input type="hidden" name="ids" value={ids.join(',')} />
            <div className="query-row">
              <label htmlFor="add-formula">Formula</label>
              <input
                id="add-formula"
                name="formula"
                type="text"
                defaultValue={addFormula}
                placeholder="e.g. Ta3S2"
                aria-invalid={addError ? true : undefined}
                aria-describedby={addError ? 'add-error' : undefined}
                spellCheck={false}
              />
              <label htmlFor="add-charge">Charge</label>
              <select id="add-charge" name="charge" defaultValue={String(addFormula ? addCharge : -1)}>
                <option value="-2">−2</option>
                <option value="-1">−1</option>
                <option value="0">0</option>
                <option value="1">+1</option>
              </select>
              <button type="submit" className="button">
                Add
              </button>
            </div>
            {addError ? (
              <p id="add-error" className="field-error" role="alert">
                {addError}
              </p>
            ) : null}
          </form>
        )}
      </section>

      {clusters.length ? <QueryPanel query={ComparePageQuery.toString()} variables={{ ids }} /> : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { apiRequest, tryApi } from '@/lib/api/client';
import { MotifSearchQuery } from '@/lib/api/queries';
import { clusterTitle, fixed } from '@/lib/chem-format';
import { parseMotif } from '@/lib/motif-syntax';
import { loadLimits } from '@/lib/api/limits';
import { ApiProblem } from '@/components/ApiStatus';
import { Formula } from '@/components/Formula';
import { MotifHitViewer } from '@/components/MotifHitViewer';
import { QueryPanel } from '@/components/QueryPanel';

export const metadata: Metadata = { title: 'Motif search' };
export const dynamic = 'force-dynamic';

const EXAMPLES: Array<[string, string]> = [
  ['Mo-S-Mo', 'an S bridging two Mo'],
  ['M1-M-M1', 'a metal triangle (ring closure 1)'],
  ['M1-X-M-X1', 'an M₂X₂ rhombus'],
  ['M-C', 'a metal–carbon bond'],
  ['Fe-C-V', 'C between Fe and V'],
  ['S-M-S', 'a metal between two S'],
];
const PAGE = 10;
const VIEWERS = 4;

export default async function MotifPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const text = typeof params.p === 'string' ? params.p : '';
  const orderText = typeof params.order === 'string' ? params.order.trim() : '';
  const minOrder = orderText === '' ? null : Number(orderText);
  const orderError = minOrder !== null && (!Number.isFinite(minOrder) || minOrder < 0) ? `Minimum bond order "${orderText}" is not a number ≥ 0.` : null;
  const after = typeof params.after === 'string' ? params.after : null;
  // Cursors of the earlier pages ("~" = the first page), so Previous needs no cursor arithmetic.
  const prev = typeof params.prev === 'string' && params.prev ? params.prev.split(',').map((c) => (c === '~' ? '' : c)) : [];
  const offset = prev.length * PAGE;
  const pageHref = (cursor: string | null, earlier: string[]) => {
    const q = new URLSearchParams({ p: text });
    if (orderText) q.set('order', orderText);
    if (cursor) q.set('after', cursor);
    if (earlier.length) q.set('prev', earlier.map((c) => c || '~').join(','));
    return `/motif?${q.toString()}`;
  };
  const limitsResult = await tryApi(loadLimits);
  const limits = limitsResult.ok ? limitsResult.value.motif : null;
  // Without the API's limits the page cannot search at all; the outage notice below says so.
  const parsed = text && limits ? parseMotif(text, orderError ? null : minOrder, limits) : null;
  const variables = parsed?.pattern ? { pattern: parsed.pattern, first: PAGE, after } : null;
  const result = variables && !orderError ? await tryApi(() => apiRequest(MotifSearchQuery, variables)) : null;
  const apiError = result && !result.ok ? result.error : !limitsResult.ok ? limitsResult.error : null;
  const data = result?.ok ? result.value.data.motifSearch : null;
  const inputError = parsed?.error?.message ?? (apiError && !apiError.isOutage ? apiError.message : null);

  return (
    <>
      <h1>Motif search</h1>
      <p className="prose">
        Find clusters whose computed lowest-energy structure contains a pattern of bonded atoms. Write the motif as a chain joined by <code>-</code>: element
        symbols, <code>M</code> for any metal, <code>X</code> for any non-metal, <code>*</code> for any atom
        {limits ? ` (at most ${limits.maxAtoms} atoms and ${limits.maxBonds} bonds)` : ''}. Close a ring as in SMILES: a digit after an atom opens a ring bond
        and the same digit after a later atom closes it, so <code>M1-M-M1</code> is a metal triangle. Bonds are those of the structure graph, optionally with a
        minimum GFN2-xTB Wiberg bond order. A match may have extra bonds between its atoms.
      </p>
      <form method="get" action="/motif" className="card" role="search" aria-label="Motif">
        <div className="query-row">
          <label htmlFor="motif">Motif</label>
          <input
            id="motif"
            name="p"
            type="text"
            defaultValue={text}
            placeholder="e.g. Mo-S-Mo"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'motif-error' : 'motif-examples'}
            style={{ fontFamily: 'var(--mono)', flex: '1 1 12rem' }}
          />
          <label htmlFor="order">Min. bond order</label>
          <input
            id="order"
            name="order"
            type="number"
            step="0.05"
            min="0"
            max={limits?.maxBondOrder}
            defaultValue={orderText}
            placeholder="any"
            style={{ width: '6rem' }}
            aria-invalid={orderError ? true : undefined}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
        {inputError || orderError ? (
          <p id="motif-error" className="field-error" role="alert">
            {orderError ?? inputError}
          </p>
        ) : null}
        <p id="motif-examples" className="hint">
          Examples:{' '}
          {EXAMPLES.map(([e, meaning], i) => (
            <span key={e}>
              {i ? ', ' : ''}
              <Link href={`/motif?p=${encodeURIComponent(e)}`} title={meaning}>
                {e}
              </Link>{' '}
              <span className="visually-hidden">({meaning})</span>
            </span>
          ))}
        </p>
      </form>

      {apiError?.isOutage ? <ApiProblem message={apiError.message} /> : null}
      {parsed?.pattern && data ? (
        <section aria-labelledby="motif-results">
          <h2 id="motif-results">
            {data.totalCount} {data.totalCount === 1 ? 'cluster contains' : 'clusters contain'} <code>{parsed.tokens.join('-')}</code>
          </h2>
          {data.edges.length ? (
            <p className="hint" data-testid="motif-range">
              Clusters {offset + 1}–{offset + data.edges.length} of {data.totalCount}. A distinct match is a set of atoms and bonds; the mappings also count its
              symmetric images (M–S–M read both ways is one match, two mappings).
            </p>
          ) : null}
          {data.totalCount === 0 ? (
            <p className="notice">
              No computed structure contains this motif. Only clusters with a structure can match; try a class (M, X, *) instead of an element, or a lower bond
              order.
            </p>
          ) : null}
          <div className="motif-hits">
            {data.edges.map(({ node }, i) => {
              const c = node.cluster;
              const title = clusterTitle(c.formula, c.charge);
              return (
                <article key={c.id} className="card" data-motif-hit={c.id}>
                  <h3>
                    <Link href={`/clusters/${encodeURIComponent(c.id)}`} aria-label={title}>
                      <Formula formula={c.formula} charge={c.charge} />
                    </Link>{' '}
                    <span className="hint" data-testid="match-counts">
                      {node.distinctMatchCount} distinct {node.distinctMatchCount === 1 ? 'match' : 'matches'} ({node.matchCount}{' '}
                      {node.matchCount === 1 ? 'mapping' : 'mappings'}) · log<sub>10</sub> k<sub>1</sub> {fixed(c.log10K1)}
                    </span>
                  </h3>
                  <details className="hint">
                    <summary>Matched atoms (numbered from 1, as in the XYZ file)</summary>
                    <ol data-testid="distinct-matches">
                      {node.distinctMatches.map((m) => (
                        <li key={m.join(',')}>{m.map((idx) => `${c.structure?.atoms[idx]?.element ?? '?'}${idx + 1}`).join('–')}</li>
                      ))}
                    </ol>
                    {node.distinctMatches.length < node.distinctMatchCount ? <p>First {node.distinctMatches.length} shown.</p> : null}
                  </details>
                  {c.structure ? (
                    <MotifHitViewer atoms={c.structure.atoms} bonds={c.structure.bonds} matches={node.distinctMatches} label={title} deferred={i >= VIEWERS} />
                  ) : null}
                </article>
              );
            })}
          </div>
          {prev.length > 0 || (data.pageInfo.hasNextPage && data.pageInfo.endCursor) ? (
            <nav className="pager" aria-label="Motif result pages">
              {prev.length > 0 ? (
                <Link className="button-quiet" href={pageHref(prev[prev.length - 1] || null, prev.slice(0, -1))}>
                  ← Previous
                </Link>
              ) : null}
              <span className="hint">
                {offset + 1}–{offset + data.edges.length} of {data.totalCount}
              </span>
              {data.pageInfo.hasNextPage && data.pageInfo.endCursor ? (
                <Link className="button-quiet" href={pageHref(data.pageInfo.endCursor, [...prev, after ?? ''])}>
                  Next →
                </Link>
              ) : null}
            </nav>
          ) : null}
          {variables ? <QueryPanel query={MotifSearchQuery.toString()} variables={variables} /> : null}
        </section>
      ) : null}
    </>
  );
}

import Link from 'next/link';
import { apiRequest, tryApi } from '@/lib/api/client';
import { SearchFacetsQuery, SearchPageQuery } from '@/lib/api/queries';
import { chargeWord, patternParts, resultRange, signed } from '@/lib/chem-format';
import { Fragment } from 'react';
import { ApiProblem } from '@/components/ApiStatus';
import { ResultsTable } from '@/components/ResultsTable';
import { SearchForm, type FacetOption } from '@/components/SearchForm';
import { nextPage, PAGE_SIZE, parseSearch, previousPage, toFilter, toOrder, toQuery, type RawParams, type SearchState } from '@/lib/search-state';

export const dynamic = 'force-dynamic';

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { state, problems } = parseSearch(await searchParams);
  const result = await tryApi(() =>
    apiRequest(SearchPageQuery, { filter: toFilter(state), orderBy: toOrder(state), first: PAGE_SIZE, after: state.after, q: state.q, hasQ: state.q !== '' }),
  );
  // The composition is read twice (by `composition` and by the filter); either may report first.
  const formulaDetail = result.ok
    ? undefined
    : result.error.details.find((d) => d.code === 'BAD_USER_INPUT' && (d.argument === 'text' || d.argument?.startsWith('filter.formula')));
  const rejectedFormula = formulaDetail !== undefined;
  // A rejected search keeps its sidebar: facets are asked for again without the rejected part.
  const fallback =
    !result.ok && result.error.code === 'BAD_USER_INPUT'
      ? await tryApi(() => apiRequest(SearchFacetsQuery, { filter: rejectedFormula ? toFilter({ ...state, q: '' }) : undefined }))
      : null;

  if (!result.ok && result.error.isOutage) {
    return (
      <>
        <h1>Search the catalog</h1>
        <ApiProblem message={result.error.message} />
      </>
    );
  }
  const data = result.ok ? result.value.data : null;
  const facets = data ?? (fallback?.ok ? fallback.value.data : null);
  const error = result.ok ? null : result.error;
  const formulaError = formulaDetail
    ? { message: formulaDetail.message, position: formulaDetail.position ?? null, alternatives: formulaDetail.alternatives ?? [] }
    : null;
  const understood = data?.composition ?? null;

  // Facets of the whole catalog list every option; counts come from the current matches.
  const facetCounts = <T,>(all: Array<{ value: T; count: number }> | undefined, matching: Array<{ value: T; count: number }> | undefined): FacetOption<T>[] =>
    (all ?? []).map((b) => ({ value: b.value, total: b.count, matching: matching?.find((m) => m.value === b.value)?.count ?? 0 }));
  const nuc = facetCounts(facets?.catalog.byNuclearity, facets?.matching.byNuclearity);
  const pick = (v: string) => nuc.find((n) => n.value === v) ?? { value: v, total: 0, matching: 0 };
  const range = { min: facets?.catalog.log10K1Min ?? -15, max: facets?.catalog.log10K1Max ?? -9 };
  const rows = data?.clusters.edges.map((e) => e.node) ?? [];
  const offset = state.prev.length * PAGE_SIZE;

  return (
    <>
      <h1 className="visually-hidden">Search the catalog</h1>
      <div className="search-grid">
        <SearchForm
          key={toQuery(state)}
          state={state}
          charges={facetCounts(facets?.catalog.byCharge, facets?.matching.byCharge)}
          elements={facetCounts(facets?.catalog.byElement, facets?.matching.byElement)}
          nuclearity={{ homo: pick('homonuclear'), hetero: pick('heteronuclear') }}
          formulaError={formulaError}
        />
        <section className="results" aria-labelledby="results-heading" aria-live="polite">
          <div className="results-head">
            <h2 id="results-heading" style={{ margin: 0 }}>
              {data ? `${data.clusters.totalCount} ${data.clusters.totalCount === 1 ? 'cluster' : 'clusters'}` : 'No results'}
              {understood ? (
                <>
                  {' '}
                  for <Understood text={understood.text} charge={understood.charge} />
                </>
              ) : state.q ? (
                <>
                  {' '}
                  for <code>{state.q}</code>
                </>
              ) : null}
            </h2>
            {data && data.clusters.totalCount > rows.length ? (
              <span className="hint" data-testid="result-range">
                {resultRange(offset, rows.length, data.clusters.totalCount)}
              </span>
            ) : null}
          </div>
          {understood?.caseCorrected ? (
            <p className="hint" data-testid="case-note">
              Read <code>{state.q}</code> as <Understood text={understood.text} charge={understood.charge} />.
            </p>
          ) : null}
          {problems.length ? (
            <div className="notice notice-warn">
              Ignored parts of the address:{' '}
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {error && !formulaError ? (
            <div className="notice notice-error" role="alert">
              <strong>The search could not run.</strong> {error.message}
            </div>
          ) : null}
          {formulaError ? <p className="notice notice-error">Fix the composition pattern above; the syntax help lists what it accepts.</p> : null}
          {data && rows.length === 0 ? (
            <div className="notice">
              <p>
                <strong>No cluster matches these conditions.</strong> A pattern names every element that may occur: <code>Ta3S</code> is only Ta<sub>3</sub>S,
                while <code>Ta3S*</code> also finds Ta<sub>3</sub>S<sub>2</sub>, Ta<sub>3</sub>S<sub>3</sub> and bare Ta<sub>3</sub>.
              </p>
              <p>
                <Link href="/">Clear all filters</Link>
              </p>
            </div>
          ) : null}
          {rows.length ? <ResultsTable rows={rows} state={state} range={range} /> : null}
          {data && (state.prev.length > 0 || data.clusters.pageInfo.hasNextPage) ? (
            <nav className="pager" aria-label="Result pages">
              {state.prev.length > 0 ? (
                <Link className="button-quiet" href={`/${toQuery(previousPage(state))}`} scroll={false}>
                  ← Previous
                </Link>
              ) : null}
              {data.clusters.pageInfo.hasNextPage && data.clusters.pageInfo.endCursor ? (
                <Link className="button-quiet" href={`/${toQuery(nextPage(state, data.clusters.pageInfo.endCursor))}`} scroll={false}>
                  Next →
                </Link>
              ) : null}
            </nav>
          ) : null}
          {result.ok && result.value.errors.some((e) => e.code === 'MODEL_UNAVAILABLE') ? (
            <p className="hint">Predicted values are missing: the prediction model is not loaded on this server.</p>
          ) : (
            <p className="hint">Predictions exist only for clusters with a computed structure (GFN2-xTB); “—” marks the rest.</p>
          )}
          {data && data.clusters.totalCount > 0 ? (
            <p className="hint" data-testid="export-links">
              Download {data.clusters.totalCount === 1 ? 'this result' : `these ${data.clusters.totalCount} results`} with held-out predictions, units, dataset
              version and citation: <a href={exportHref('csv', state)}>CSV</a> · <a href={exportHref('json', state)}>JSON</a>.
            </p>
          ) : null}
          <p className="hint">
            Download the whole catalog as <a href="/download/clusters.csv">CSV</a> or <a href="/download/clusters.json">JSON</a>; all structures as{' '}
            <a href="/download/structures-xyz.tar.gz">XYZ files (tar.gz)</a> or one <a href="/download/structures.extxyz">extended-XYZ file</a>; the model’s{' '}
            <a href="/download/oof-predictions.json">out-of-fold predictions</a>.
          </p>
        </section>
      </div>
    </>
  );
}

/** What the search understood, e.g. "Mo₅S₂, charge −1" (count ranges and ?/* as subscripts). */
function Understood({ text, charge }: { text: string; charge: number | null | undefined }) {
  return (
    <span className="formula" data-testid="understood">
      {patternParts(text).map((p, i) => (
        <Fragment key={i}>
          {p.element}
          {p.count ? <sub>{p.count}</sub> : null}
        </Fragment>
      ))}
      {charge != null ? `, ${charge === 0 ? 'neutral' : `charge ${signed(charge)}`}` : null}
      {charge != null && charge !== 0 ? <span className="visually-hidden"> ({chargeWord(charge)})</span> : null}
    </span>
  );
}

/** The export of exactly this search (all pages): the API filter as JSON in the query. */
function exportHref(format: 'csv' | 'json', state: SearchState): string {
  const filter = toFilter(state);
  return `/download/export.${format}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Fragment, useEffect, useRef, type FormEvent } from 'react';
import { signed } from '@/lib/chem-format';
import { ElementPicker } from './ElementPicker';
import { DEFAULT_STATE, toQuery, type SearchState } from '@/lib/search-state';
import type { ClusterOrderField } from '@/lib/api/generated/graphql';

export interface FacetOption<T> {
  value: T;
  /** Count in the whole catalog and among the current matches. */
  total: number;
  matching: number;
}

export interface SearchFormProps {
  state: SearchState;
  charges: FacetOption<number>[];
  elements: FacetOption<string>[];
  nuclearity: { homo: FacetOption<string>; hetero: FacetOption<string> };
  formulaError: { message: string; position: number | null; alternatives: string[] } | null;
}

const SORT_LABELS: Record<ClusterOrderField, string> = {
  FORMULA: 'Formula',
  CHARGE: 'Charge',
  SIZE: 'Atoms',
  METAL_ATOMS: 'Metal atoms',
  LOG10K1: 'Measured log10 k',
  EFFICIENCY: 'Efficiency φ',
};

const EXAMPLES: Array<[string, string]> = [
  ['Ta3S*', 'Ta₃ with any number of S (including none)'],
  ['Mo2-5S2', 'two to five Mo and exactly two S'],
  ['Mo?S2', 'any number (≥ 1) of Mo and two S'],
  ['V*C*', 'vanadium carbides of any size, and bare V'],
  ['Fe?V?', 'any Fe–V cluster with no other elements'],
  ['Mo5S2-', 'the Mo₅S₂ anion (also Mo5S2⁻, Mo5S2^-, Mo5S2 anion; 2- or + likewise)'],
  ['ta3h4', 'symbols in any case, when that has one reading (co could be Co or CO, so it asks)'],
];

function readForm(form: HTMLFormElement, previous: SearchState): SearchState {
  const data = new FormData(form);
  const text = (k: string) => String(data.get(k) ?? '').trim();
  const number = (k: string) => (text(k) === '' || !Number.isFinite(Number(text(k))) ? null : Number(text(k)));
  const nuc = text('nuc');
  return {
    ...previous,
    q: text('q'),
    charges: data.getAll('charge').map(Number),
    nuclearity: nuc === 'homo' ? 'HOMONUCLEAR' : nuc === 'hetero' ? 'HETERONUCLEAR' : null,
    elements: data.getAll('el').map(String),
    elementMode: text('elmode') === 'only' ? 'only' : 'all',
    atomCountMin: number('smin'),
    atomCountMax: number('smax'),
    kMin: number('kmin'),
    kMax: number('kmax'),
    structureOnly: data.get('structure') === '1',
    sort: (text('sort') || 'FORMULA') as ClusterOrderField,
    dir: text('dir') === 'desc' ? 'DESC' : 'ASC',
    after: null,
    prev: [],
  };
}

/**
 * A plain GET form (works without JavaScript); with JavaScript it builds the canonical short URL
 * and re-runs the search as soon as a checkbox or select changes.
 */
export function SearchForm({ state, charges, elements, nuclearity, formulaError }: SearchFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const filtersRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (filtersRef.current && window.matchMedia('(max-width: 860px)').matches) filtersRef.current.open = false;
  }, []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!formRef.current) return;
    router.push(`/${toQuery(readForm(formRef.current, state))}`, { scroll: false });
  };

  const errorId = 'formula-error';
  const caret = formulaError?.position != null && formulaError.position >= 1 ? formulaError.position - 1 : null;

  return (
    <form
      ref={formRef}
      className="search-form"
      method="get"
      action="/"
      role="search"
      aria-label="Cluster catalog"
      onSubmit={submit}
      onChange={(e) => {
        const t = e.target;
        if ((t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio')) || t instanceof HTMLSelectElement) submit();
      }}
    >
      <div className="query-bar">
        <label htmlFor="q">Composition</label>
        <div className="query-row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={state.q}
            placeholder="e.g. Ta3S*  or  Mo2-5S2"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={formulaError ? true : undefined}
            aria-describedby={formulaError ? errorId : 'q-help'}
          />
          <button type="submit" className="button">
            Search
          </button>
          <Link className="button-quiet" href="/">
            Reset
          </Link>
        </div>
        {formulaError ? (
          <div id={errorId} className="field-error" role="alert">
            {formulaError.message}
            {caret !== null && caret <= state.q.length ? (
              <p className="caret-line" aria-hidden="true">
                {state.q.slice(0, caret)}
                <mark>{state.q.slice(caret, caret + 1) || ' '}</mark>
                {state.q.slice(caret + 1)}
              </p>
            ) : null}
            {formulaError.alternatives.length ? (
              <p>
                Did you mean{' '}
                {formulaError.alternatives.map((a, i) => (
                  <Fragment key={a}>
                    {i > 0 ? (i === formulaError.alternatives.length - 1 ? ' or ' : ', ') : null}
                    <Link href={`/${toQuery({ ...state, q: a, after: null, prev: [] })}`}>
                      <code>{a}</code>
                    </Link>
                  </Fragment>
                ))}
                ?
              </p>
            ) : null}
          </div>
        ) : null}
        <details className="syntax-help" id="q-help">
          <summary>Pattern syntax</summary>
          <p>
            Element symbols with counts. Elements you do not name must be absent. A count can be a number (<code>S2</code>), a range (<code>Mo2-5</code>),{' '}
            <code>?</code> for one or more, or <code>*</code> for any number including none. A charge may follow (<code>-</code>, <code>+</code>, <code>⁻</code>
            , <code>2-</code>, <code>^-</code>, <code>anion</code>, <code>cation</code>, <code>neutral</code>). Leave empty to list everything.
          </p>
          <dl>
            {EXAMPLES.map(([pattern, meaning]) => (
              <div key={pattern} style={{ display: 'contents' }}>
                <dt>
                  <Link href={`/?q=${encodeURIComponent(pattern)}`}>{pattern}</Link>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>

      <details className="filters" ref={filtersRef} open>
        <summary>Filters</summary>
        <fieldset>
          <legend>Charge</legend>
          {charges.map((c) => (
            <label key={c.value} className="check">
              <input type="checkbox" name="charge" value={c.value} defaultChecked={state.charges.includes(c.value)} />
              {c.value === 0 ? 'neutral' : signed(c.value)} <span className="count">({c.matching})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Metals</legend>
          <label className="check">
            <input type="radio" name="nuc" value="" defaultChecked={!state.nuclearity} /> any
          </label>
          <label className="check">
            <input type="radio" name="nuc" value="homo" defaultChecked={state.nuclearity === 'HOMONUCLEAR'} /> one metal{' '}
            <span className="count">({nuclearity.homo.matching})</span>
          </label>
          <label className="check">
            <input type="radio" name="nuc" value="hetero" defaultChecked={state.nuclearity === 'HETERONUCLEAR'} /> two metals{' '}
            <span className="count">({nuclearity.hetero.matching})</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>Elements</legend>
          <ElementPicker elements={elements} chosen={state.elements} />
          <label className="check">
            <input type="radio" name="elmode" value="all" defaultChecked={state.elementMode === 'all'} /> contains all ticked
          </label>
          <label className="check">
            <input type="radio" name="elmode" value="only" defaultChecked={state.elementMode === 'only'} /> only ticked
          </label>
        </fieldset>
        <fieldset>
          <legend>Atoms</legend>
          <div className="range">
            <label htmlFor="smin" className="visually-hidden">
              Atoms from
            </label>
            <input id="smin" name="smin" type="number" min={1} step={1} inputMode="numeric" defaultValue={state.atomCountMin ?? ''} placeholder="min" />
            <span aria-hidden="true">–</span>
            <label htmlFor="smax" className="visually-hidden">
              Atoms to
            </label>
            <input id="smax" name="smax" type="number" min={1} step={1} inputMode="numeric" defaultValue={state.atomCountMax ?? ''} placeholder="max" />
          </div>
        </fieldset>
        <fieldset>
          <legend>
            Measured log<sub>10</sub> k
          </legend>
          <div className="range">
            <label htmlFor="kmin" className="visually-hidden">
              log10 k from
            </label>
            <input id="kmin" name="kmin" type="number" step="0.1" defaultValue={state.kMin ?? ''} placeholder="−15" />
            <span aria-hidden="true">–</span>
            <label htmlFor="kmax" className="visually-hidden">
              log10 k to
            </label>
            <input id="kmax" name="kmax" type="number" step="0.1" defaultValue={state.kMax ?? ''} placeholder="−9" />
          </div>
          <p className="hint">k in cm³ molecule⁻¹ s⁻¹</p>
        </fieldset>
        <fieldset>
          <legend>Structure</legend>
          <label className="check">
            <input type="checkbox" name="structure" value="1" defaultChecked={state.structureOnly} /> with computed 3D structure
          </label>
        </fieldset>
        <fieldset>
          <legend>Sort</legend>
          <label htmlFor="sort" className="visually-hidden">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={state.sort === DEFAULT_STATE.sort ? '' : state.sort}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value === 'FORMULA' ? '' : value}>
                {label}
              </option>
            ))}
          </select>{' '}
          <label htmlFor="dir" className="visually-hidden">
            Direction
          </label>
          <select id="dir" name="dir" defaultValue={state.dir === 'DESC' ? 'desc' : ''}>
            <option value="">ascending</option>
            <option value="desc">descending</option>
          </select>
        </fieldset>
        <button type="submit" className="button">
          Apply filters
        </button>
      </details>
    </form>
  );
}

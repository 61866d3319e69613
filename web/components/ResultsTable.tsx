import { familyLabel } from '@/lib/families';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ClusterOrderField, ClusterSummaryFragment } from '@/lib/api/generated/graphql';
import { clusterTitle, fixed, signed } from '@/lib/chem-format';
import { sortedBy, toQuery, type SearchState } from '@/lib/search-state';
import { CompareToggle } from './CompareToggle';
import { Efficiency, Formula } from './Formula';
import { RateCell } from './RateCell';

interface Column {
  field: ClusterOrderField | null;
  label: ReactNode;
  className?: string;
}

const COLUMNS: Column[] = [
  { field: 'FORMULA', label: 'Cluster' },
  { field: 'CHARGE', label: 'Charge', className: 'num hide-phone' },
  { field: 'SIZE', label: 'Atoms', className: 'num' },
  { field: null, label: 'Metals', className: 'hide-phone' },
  {
    field: 'LOG10K1',
    label: (
      <>
        log<sub>10</sub> k<span className="hide-phone"> (measured)</span>
        <span className="unit"> / cm³ s⁻¹</span>
      </>
    ),
    className: 'num',
  },
  {
    field: null,
    label: (
      <>
        predicted (held out)<span className="hide-phone"> [68 %]</span>
        <span className="unit"> / cm³ s⁻¹</span>
      </>
    ),
    className: 'num hide-phone',
  },
  { field: 'EFFICIENCY', label: 'φ (k₁/k_L)', className: 'num hide-narrow' },
  { field: null, label: <span className="visually-hidden">Compare</span> },
];

export function ResultsTable({ rows, state, range }: { rows: ClusterSummaryFragment[]; state: SearchState; range: { min: number; max: number } }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Matching clusters; column headers sort the table</caption>
        <thead>
          <tr>
            {COLUMNS.map((c, i) => {
              const active = c.field !== null && state.sort === c.field;
              return (
                <th key={i} scope="col" className={c.className} aria-sort={active ? (state.dir === 'ASC' ? 'ascending' : 'descending') : undefined}>
                  {c.field ? (
                    <Link href={`/${toQuery(sortedBy(state, c.field))}`} scroll={false}>
                      {c.label}
                      {active ? <span className="sort-mark"> {state.dir === 'ASC' ? '▲' : '▼'}</span> : null}
                    </Link>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/clusters/${encodeURIComponent(c.id)}`} aria-label={clusterTitle(c.formula, c.charge)}>
                  <Formula formula={c.formula} charge={c.charge} />
                </Link>{' '}
                {c.hasStructure ? <span className="tag">3D</span> : null}
              </td>
              <td className="num hide-phone">{signed(c.charge)}</td>
              <td className="num">{c.atomCount}</td>
              <td className="hide-phone">{familyLabel(c.metalFamily)}</td>
              <td className="num">
                <RateCell value={c.log10K1} min={range.min} max={range.max} />
              </td>
              <td className="num hide-phone">
                {c.prediction ? (
                  <span title={c.prediction.domain.inDomain ? 'inside the applicability domain' : 'outside the applicability domain'}>
                    {fixed(c.prediction.log10K1)}{' '}
                    <span className="hint">
                      [{fixed(c.prediction.interval68.lowLog10K1)}, {fixed(c.prediction.interval68.highLog10K1)}]
                    </span>
                    {c.prediction.domain.inDomain ? null : <span className="tag tag-warn">out of domain</span>}
                  </span>
                ) : (
                  <span className="hint">—</span>
                )}
              </td>
              <td className="num hide-narrow">
                <Efficiency value={c.efficiency} />
              </td>
              <td>
                <CompareToggle pick={{ id: c.id, formula: c.formula, charge: c.charge }} label={clusterTitle(c.formula, c.charge)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

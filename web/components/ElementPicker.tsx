import { TABLE } from '@/lib/periodic-table';
import type { FacetOption } from './SearchForm';

/**
 * A periodic table of checkboxes (name="el", so the plain GET form still works): only elements
 * present in the catalog are enabled, each with the number of current matches containing it.
 */
export function ElementPicker({ elements, chosen }: { elements: FacetOption<string>[]; chosen: string[] }) {
  const bySymbol = new Map(elements.map((e) => [e.value, e]));
  return (
    <div className="ptable" role="group" aria-label="Elements (periodic table; only elements in the catalog can be chosen)">
      {TABLE.map((cell) => {
        const facet = bySymbol.get(cell.symbol);
        const style = { gridRow: cell.row, gridColumn: cell.column };
        if (!facet || facet.total === 0) {
          return (
            <span key={cell.symbol} className="ptable-cell is-absent" style={style} aria-hidden="true">
              {cell.symbol}
            </span>
          );
        }
        return (
          <label
            key={cell.symbol}
            className="ptable-cell is-present"
            style={style}
            data-element={cell.symbol}
            title={`${cell.symbol}: ${facet.matching} matching clusters`}
          >
            <input type="checkbox" name="el" value={cell.symbol} defaultChecked={chosen.includes(cell.symbol)} />
            <span className="ptable-symbol">{cell.symbol}</span>
            <span className="ptable-count">
              {facet.matching}
              <span className="visually-hidden"> matching clusters</span>
            </span>
          </label>
        );
      })}
    </div>
  );
}

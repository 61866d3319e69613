'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Formula } from './Formula';
import { compareHref, removePick, setPicks, useComparePicks } from '@/lib/compare-store';

/** The picked clusters, on every page, with the link that opens the comparison. */
export function CompareTray() {
  const picks = useComparePicks();
  const pathname = usePathname();
  if (picks.length === 0 || pathname === '/compare') return null;
  return (
    <aside className="compare-tray" aria-label="Clusters picked for comparison">
      <ul>
        {picks.map((p) => (
          <li key={p.id}>
            <Formula formula={p.formula} charge={p.charge} />
            <button type="button" className="chip-remove" onClick={() => removePick(p.id)} aria-label={`Remove ${p.id} from comparison`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="compare-tray-actions">
        <button type="button" className="button-quiet" onClick={() => setPicks([])}>
          Clear
        </button>
        {picks.length >= 2 ? (
          <Link className="button" href={compareHref(picks.map((p) => p.id))}>
            Compare {picks.length}
          </Link>
        ) : (
          <span className="hint">Pick one more to compare</span>
        )}
      </div>
    </aside>
  );
}

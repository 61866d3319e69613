'use client';

import { useEffect, useState } from 'react';
import { currentPicks, setPicks, type ComparePick } from '@/lib/compare-store';

const missingFrom = (a: ComparePick[], b: ComparePick[]) => a.filter((p) => !b.some((q) => q.id === p.id));

/**
 * A compare URL and the visitor's own picks. Adding or removing clusters on this page (the URL
 * only grows or only shrinks the picks) updates the picks; a shared link that would both drop
 * some of the visitor's picks and bring others asks first, and nothing is replaced unasked.
 */
export function SyncPicks({ picks }: { picks: ComparePick[] }) {
  const key = picks.map((p) => p.id).join(',');
  const [own, setOwn] = useState<ComparePick[] | null>(null);
  useEffect(() => {
    const mine = currentPicks();
    if (!picks.length) return setOwn(null);
    const dropped = missingFrom(mine, picks);
    const added = missingFrom(picks, mine);
    if (dropped.length === 0 || added.length === 0) {
      if (dropped.length || added.length) setPicks(picks);
      return setOwn(null);
    }
    setOwn(mine);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!own) return null;
  return (
    <div className="notice" role="region" aria-label="Your compare picks" data-testid="replace-picks">
      <p>
        This page shows a shared comparison. Your own picks are <strong>{own.map((p) => p.formula).join(', ')}</strong>; they are kept unless you choose
        otherwise.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setPicks(picks);
            setOwn(null);
          }}
        >
          Replace my picks with these {picks.length}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOwn(null)}>
          Keep my picks
        </button>
      </div>
    </div>
  );
}

'use client';

import { MAX_COMPARE, togglePick, useComparePicks, type ComparePick } from '@/lib/compare-store';

/** Adds a cluster to (or removes it from) the compare tray. */
export function CompareToggle({ pick, label }: { pick: ComparePick; label: string }) {
  const picks = useComparePicks();
  const selected = picks.some((p) => p.id === pick.id);
  const full = !selected && picks.length >= MAX_COMPARE;
  return (
    <button
      type="button"
      className={`compare-toggle${selected ? ' is-selected' : ''}`}
      aria-pressed={selected}
      disabled={full}
      title={full ? `At most ${MAX_COMPARE} clusters can be compared` : undefined}
      onClick={() => togglePick(pick)}
      data-compare-id={pick.id}
    >
      <span aria-hidden="true">{selected ? '✓' : '+'}</span> <span className="compare-word">Compare</span>
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

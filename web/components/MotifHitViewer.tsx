'use client';

import { useState } from 'react';
import type { ViewerAtomFragment, ViewerBondFragment } from '@/lib/api/generated/graphql';
import { StructureViewerLazy } from './StructureViewerLazy';

/** One hit's structure with a chosen match highlighted. Atoms are numbered from 1, as in the XYZ download. */
export function MotifHitViewer({
  atoms,
  bonds,
  matches,
  label,
  deferred = false,
}: {
  atoms: ViewerAtomFragment[];
  bonds: ViewerBondFragment[];
  matches: number[][];
  label: string;
  deferred?: boolean;
}) {
  const [k, setK] = useState(0);
  // Browsers allow only a few WebGL contexts per page: later hits draw their view on request.
  const [shown, setShown] = useState(!deferred);
  const match = matches[k] ?? [];
  if (!shown) {
    return (
      <button type="button" className="button-quiet" onClick={() => setShown(true)}>
        Show in 3D<span className="visually-hidden"> {label}</span>
      </button>
    );
  }
  return (
    <div data-motif-highlight={match.join(',')}>
      {matches.length > 1 ? (
        <label className="hint">
          Match{' '}
          <select value={k} onChange={(e) => setK(Number(e.target.value))}>
            {matches.map((m, i) => (
              <option key={i} value={i}>
                {i + 1} of {matches.length}: {m.map((idx) => `${atoms[idx]?.element ?? '?'}${idx + 1}`).join('–')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <StructureViewerLazy atoms={atoms} bonds={bonds} highlight={match} label={label} compact />
    </div>
  );
}

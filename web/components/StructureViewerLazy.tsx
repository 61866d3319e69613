'use client';

import dynamic from 'next/dynamic';

/** The viewer's React shell is small; 3Dmol itself is imported inside it on the client only. */
export const StructureViewerLazy = dynamic(() => import('./StructureViewer').then((m) => m.StructureViewer), {
  ssr: false,
  loading: () => (
    <div className="viewer-box">
      <p className="viewer-status">Loading 3D viewer…</p>
    </div>
  ),
});

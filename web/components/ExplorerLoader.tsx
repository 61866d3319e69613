'use client';

import dynamic from 'next/dynamic';

// GraphiQL and Monaco are large: only this page loads them, in their own chunks.
const Explorer = dynamic(() => import('./Explorer'), {
  ssr: false,
  loading: () => <p className="notice">Loading the GraphQL explorer…</p>,
});

export function ExplorerLoader(props: {
  tabs: Array<{ query: string; variables?: string }>;
  initialQuery?: string;
  initialVariables?: string;
  sdl: string | null;
}) {
  return (
    <div className="explorer-box">
      <Explorer {...props} />
    </div>
  );
}

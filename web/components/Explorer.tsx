'use client';

import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';

/** GraphiQL bundled with the site (no CDN), talking to the same-origin proxy. */
async function fetcher(params: unknown) {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

export default function Explorer({ tabs, initialQuery, initialVariables }: { tabs: Array<{ query: string; variables?: string }>; initialQuery?: string; initialVariables?: string }) {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      {...(initialQuery ? { initialQuery, initialVariables: initialVariables ?? '{}' } : {})}
      defaultEditorToolsVisibility="variables"
      shouldPersistHeaders={false}
    />
  );
}

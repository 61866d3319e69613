'use client';

import { GraphiQL } from 'graphiql';
import { useEffect, useRef } from 'react';
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

/**
 * GraphiQL renders each tab as <li role="tab"> around a <button>, which nests interactive controls
 * and hides the button's name from screen readers. Move the tab role onto the button itself.
 */
function useAccessibleTabs(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const fix = () => {
      el.querySelectorAll<HTMLElement>('li.graphiql-tab[role="tab"]').forEach((li) => {
        const button = li.querySelector<HTMLButtonElement>('.graphiql-tab-button');
        if (!button) return;
        li.setAttribute('role', 'presentation');
        button.setAttribute('role', 'tab');
        button.setAttribute('aria-selected', li.getAttribute('aria-selected') ?? 'false');
        li.removeAttribute('aria-selected');
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
    return () => observer.disconnect();
  }, [root]);
}

export default function Explorer({ tabs, initialQuery, initialVariables }: { tabs: Array<{ query: string; variables?: string }>; initialQuery?: string; initialVariables?: string }) {
  const root = useRef<HTMLDivElement>(null);
  useAccessibleTabs(root);
  return (
    <div ref={root} style={{ height: '100%' }}>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      {...(initialQuery ? { initialQuery, initialVariables: initialVariables ?? '{}' } : {})}
      defaultEditorToolsVisibility="variables"
      shouldPersistHeaders={false}
    />
    </div>
  );
}

'use client';

import { GraphiQL } from 'graphiql';
import { useEffect, useRef } from 'react';
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';

/**
 * GraphiQL bundled with the site (no CDN), talking to the same-origin proxy. It learns the schema
 * by the standard introspection query, like any other client, so it always shows the schema of
 * the API that answers rather than one bundled at build time.
 */
async function fetcher(params: unknown) {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

/**
 * GraphiQL renders each tab as <li role="tab"> around a <button> (nested interactive controls, and
 * a close button that a tablist may not contain). Present the tabs as a plain list of buttons,
 * the active one marked aria-current, which assistive technology reads correctly.
 */
function useAccessibleTabs(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const fix = () => {
      el.querySelectorAll<HTMLElement>('ul.graphiql-tabs[role="tablist"]').forEach((ul) => ul.removeAttribute('role'));
      el.querySelectorAll<HTMLElement>('li.graphiql-tab').forEach((li) => {
        const selected = li.classList.contains('graphiql-tab-active');
        if (li.hasAttribute('role')) li.removeAttribute('role');
        if (li.hasAttribute('aria-selected')) li.removeAttribute('aria-selected');
        const button = li.querySelector<HTMLButtonElement>('.graphiql-tab-button');
        if (!button) return;
        if (button.getAttribute('role') === 'tab') button.removeAttribute('role');
        if (selected && button.getAttribute('aria-current') !== 'true') button.setAttribute('aria-current', 'true');
        if (!selected && button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
    return () => observer.disconnect();
  }, [root]);
}

export default function Explorer({
  tabs,
  initialQuery,
  initialVariables,
}: {
  tabs: Array<{ query: string; variables?: string }>;
  initialQuery?: string;
  initialVariables?: string;
}) {
  const root = useRef<HTMLDivElement>(null);
  const first = tabs[0];
  useAccessibleTabs(root);
  return (
    <div ref={root} style={{ height: '100%' }}>
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={tabs}
        initialQuery={initialQuery ?? first?.query}
        initialVariables={initialQuery ? (initialVariables ?? '{}') : (first?.variables ?? '')}
        defaultEditorToolsVisibility="variables"
        shouldPersistHeaders={false}
      />
    </div>
  );
}

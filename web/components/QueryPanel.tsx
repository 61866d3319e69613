import { CopyButton } from './CopyButton';

/** The exact GraphQL request behind a page, so a reader can reproduce it in code or in /explorer. */
export function QueryPanel({ query, variables }: { query: string; variables: Record<string, unknown> }) {
  const text = query.trim();
  const vars = JSON.stringify(variables, null, 2);
  const explorer = `/explorer?query=${encodeURIComponent(text)}&variables=${encodeURIComponent(vars)}`;
  return (
    <details className="card">
      <summary>GraphQL query for this page</summary>
      <div className="actions">
        <CopyButton text={text} label="Copy query" />
        <CopyButton text={JSON.stringify({ query: text, variables }, null, 2)} label="Copy as request body" />
        <a className="button-quiet" href={explorer}>
          Open in API explorer
        </a>
      </div>
      <pre tabIndex={0} aria-label="GraphQL query">
        <code>{text}</code>
      </pre>
      <p className="hint">Variables</p>
      <pre tabIndex={0} aria-label="Variables">
        <code>{vars}</code>
      </pre>
      <p className="hint">
        POST it to <code>/api/graphql</code> on this site (or the API&apos;s own <code>/graphql</code>).
      </p>
    </details>
  );
}

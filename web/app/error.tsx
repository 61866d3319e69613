'use client';

import Link from 'next/link';

/** Last resort for a page that failed to render; outages are normally shown in place. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>
        The page could not be shown. This is usually the API being unavailable for a moment.{' '}
        {error.digest ? (
          <>
            Reference: <code>{error.digest}</code>.
          </>
        ) : null}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
        <Link className="button-quiet" href="/">
          Back to search
        </Link>
      </div>
    </div>
  );
}

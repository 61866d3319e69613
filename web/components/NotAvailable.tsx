import type { ReactNode } from 'react';

/** Honest placeholder for data the API does not serve yet (never sample data). */
export function NotAvailable({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <div className="not-available" data-not-available={what}>
      <strong>{what}: not available yet.</strong> {children ?? 'The ClusterAtlas API does not serve this yet; it will appear here as soon as it does.'}
    </div>
  );
}

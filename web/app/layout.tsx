import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { ApiDownBanner, DatasetFooter } from '@/components/ApiStatus';
import { CompareTray } from '@/components/CompareTray';
import { SessionIndicator, SiteNavForViewer } from '@/components/SessionIndicator';
import { SiteNav } from '@/components/SiteNav';
import '@/lib/api/forwarded-for.server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ClusterAtlas', template: '%s · ClusterAtlas' },
  description: 'Open database of gas-phase metal cluster reactivity toward N2: measured rates, computed structures and model predictions.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page carries a per-request CSP nonce (proxy.ts), which a prerendered page could not have.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Cluster<span>Atlas</span>
          </Link>
          <Suspense fallback={<SiteNav />}>
            <SiteNavForViewer />
          </Suspense>
          <Suspense fallback={null}>
            <SessionIndicator />
          </Suspense>
        </header>
        <Suspense fallback={null}>
          <ApiDownBanner />
        </Suspense>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <Suspense fallback={<span>Checking dataset…</span>}>
            <DatasetFooter />
          </Suspense>
          <span>
            <Link href="/about">Sources, licence and how to cite</Link> · <a href="/download/clusters.csv">CSV</a> · <a href="/download/clusters.json">JSON</a>{' '}
            · <Link href="/releases">Releases</Link>
          </span>
        </footer>
        <CompareTray />
      </body>
    </html>
  );
}

import Link from 'next/link';
import { currentViewer } from '@/lib/session.server';
import { SiteNav } from './SiteNav';

/** The main navigation, with the contributors' pages for a signed-in visitor. */
export async function SiteNavForViewer() {
  return <SiteNav signedIn={(await currentViewer()) !== null} />;
}

/** "Signed in as …" in the header, or a sign-in link. */
export async function SessionIndicator() {
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <Link href="/sign-in" className="session-indicator" data-testid="session-indicator">
        Sign in
      </Link>
    );
  }
  return (
    <Link href="/sign-in" className="session-indicator" data-testid="session-indicator">
      Signed in as <strong>{viewer.name}</strong> <span className="session-role">({viewer.role})</span>
    </Link>
  );
}

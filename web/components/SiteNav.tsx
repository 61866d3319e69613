'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Search' },
  { href: '/motif', label: 'Motifs' },
  { href: '/predict', label: 'Predict' },
  { href: '/trends', label: 'Trends' },
  { href: '/compare', label: 'Compare' },
  { href: '/explorer', label: 'API' },
  { href: '/python', label: 'Python' },
  { href: '/releases', label: 'Releases' },
  { href: '/about', label: 'About' },
];

/** Contributors' pages, shown once signed in (the header knows from the session cookie). */
const SIGNED_IN_LINKS = [
  { href: '/submit', label: 'Submit data' },
  { href: '/submissions', label: 'Submissions' },
];

export function SiteNav({ signedIn = false }: { signedIn?: boolean }) {
  const pathname = usePathname();
  // Whole path segments: "/submit" must not claim "/submissions".
  const current = (href: string) =>
    href === '/' ? pathname === '/' || pathname.startsWith('/clusters') : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {[...LINKS, ...(signedIn ? SIGNED_IN_LINKS : [])].map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={current(l.href) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

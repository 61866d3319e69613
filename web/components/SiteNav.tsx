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
  { href: '/about', label: 'About' },
];

export function SiteNav() {
  const pathname = usePathname();
  const current = (href: string) => (href === '/' ? pathname === '/' || pathname.startsWith('/clusters') : pathname.startsWith(href));
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {LINKS.map((l) => (
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

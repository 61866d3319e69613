import type { Metadata } from 'next';
import { NotAvailable } from '@/components/NotAvailable';

export const metadata: Metadata = { title: 'Motif search' };

export default function MotifPage() {
  return (
    <div className="prose">
      <h1>Motif search</h1>
      <p>
        Find clusters that contain a structural motif: a small pattern of atoms (an element, or any metal, non-metal or atom) joined by bonds with a minimum
        Wiberg bond order. Every match is shown with the matched atoms highlighted in the cluster&apos;s 3D structure.
      </p>
      <NotAvailable what="Motif search">The API does not offer motif search yet; the pattern editor appears here as soon as it does.</NotAvailable>
    </div>
  );
}

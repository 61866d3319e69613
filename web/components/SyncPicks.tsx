'use client';

import { useEffect } from 'react';
import { setPicks, type ComparePick } from '@/lib/compare-store';

/** A shared compare URL becomes the visitor's own pick, so the tray and the page agree. */
export function SyncPicks({ picks }: { picks: ComparePick[] }) {
  const key = picks.map((p) => p.id).join(',');
  useEffect(() => {
    setPicks(picks);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return null;
}

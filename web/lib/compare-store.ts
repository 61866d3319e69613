'use client';

import { useSyncExternalStore } from 'react';
import { MAX_COMPARE_IDS } from './compare-ids';

/** Clusters picked for comparison, kept in localStorage so the pick survives navigation. */
export interface ComparePick {
  id: string;
  formula: string;
  charge: number;
}

export const MAX_COMPARE = MAX_COMPARE_IDS;
const KEY = 'clusteratlas:compare';
const EMPTY: ComparePick[] = [];
const listeners = new Set<() => void>();
let snapshot: ComparePick[] | null = null;

function read(): ComparePick[] {
  if (snapshot) return snapshot;
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    snapshot = Array.isArray(parsed)
      ? parsed
          .filter((p): p is ComparePick => typeof p?.id === 'string' && typeof p?.formula === 'string' && typeof p?.charge === 'number')
          .slice(0, MAX_COMPARE)
      : [];
  } catch {
    snapshot = [];
  }
  return snapshot;
}

function write(next: ComparePick[]): void {
  snapshot = next;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode or full storage: the pick still works for this page view.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      snapshot = null;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored picks right now (client only), for decisions made once after hydration. */
export function currentPicks(): ComparePick[] {
  return read();
}

export function useComparePicks(): ComparePick[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

export function togglePick(pick: ComparePick): void {
  const current = read();
  if (current.some((p) => p.id === pick.id)) write(current.filter((p) => p.id !== pick.id));
  else if (current.length < MAX_COMPARE) write([...current, pick]);
}

export function removePick(id: string): void {
  write(read().filter((p) => p.id !== id));
}

export function setPicks(picks: ComparePick[]): void {
  write(picks.slice(0, MAX_COMPARE));
}

export function compareHref(ids: string[]): string {
  return `/compare?ids=${ids.map(encodeURIComponent).join(',')}`;
}

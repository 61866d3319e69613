'use client';

import { useEffect, useRef, useState } from 'react';
import { familyLabel, type TrendPoint } from '@/lib/families';

/** log10 k against size, one colour per family, with the family's mean per size as a line. */
export function TrendsPlot({ points, x }: { points: TrendPoint[]; x: 'atomCount' | 'metalAtomCount' }) {
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    // The plotting library is loaded only on this page, in its own chunk.
    import('@observablehq/plot')
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const width = Math.max(320, Math.min(960, box.current.clientWidth - 16));
        const sizes = points.map((p) => p[x]);
        const ticks = Array.from({ length: Math.max(...sizes) - Math.min(...sizes) + 1 }, (_, i) => Math.min(...sizes) + i);
        const data = points.map((p) => ({ ...p, family: familyLabel(p.family), chargeLabel: p.charge === 0 ? 'neutral' : p.charge < 0 ? 'anion' : 'cation' }));
        const chart = Plot.plot({
          width,
          height: Math.round(width * 0.55),
          marginLeft: 52,
          grid: true,
          style: { fontSize: '13px', background: 'transparent' },
          ariaLabel: 'Measured log10 k1 against cluster size by family',
          x: { label: x === 'atomCount' ? 'Atoms in the cluster' : 'Metal atoms', ticks, tickFormat: 'd' },
          y: { label: 'log₁₀ k₁ / (cm³ molecule⁻¹ s⁻¹)' },
          color: { legend: true, type: 'categorical', scheme: 'tableau10' },
          symbol: { legend: true },
          marks: [
            Plot.lineY(data, Plot.groupX({ y: 'mean' }, { x, y: 'log10K1', stroke: 'family', strokeOpacity: 0.6 })),
            Plot.dot(data, {
              x,
              y: 'log10K1',
              stroke: 'family',
              symbol: 'chargeLabel',
              r: 4,
              strokeWidth: 1.6,
              tip: true,
              // Each point is a link to its cluster page.
              href: (d: TrendPoint) => `/clusters/${encodeURIComponent(d.id)}`,
              ariaLabel: (d: TrendPoint & { chargeLabel: string }) => `${d.formula} ${d.chargeLabel}`,
              title: (d: TrendPoint & { chargeLabel: string }) => `${d.formula} (${d.chargeLabel})\nlog10 k1 = ${d.log10K1.toFixed(2)}`,
            }),
          ],
        });
        // Plot labels its mark groups with aria-label but no role, which ARIA forbids on a bare <g>.
        chart.querySelectorAll('g[aria-label]:not([role])').forEach((g) => g.setAttribute('role', 'group'));
        box.current.replaceChildren(chart);
        setStatus('ready');
      })
      .catch(() => !cancelled && setStatus('failed'));
    return () => {
      cancelled = true;
    };
  }, [points, x]);

  return (
    <div className="plot-box" data-plot-status={status}>
      <div ref={box} />
      {status === 'loading' ? <p className="hint">Drawing plot…</p> : null}
      {status === 'failed' ? <p className="field-error">The plot could not be drawn; the data table below has the same numbers.</p> : null}
    </div>
  );
}

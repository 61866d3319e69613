'use client';

import { useEffect, useRef, useState } from 'react';

export interface ParityPoint {
  id: string;
  formula: string;
  family: string;
  observed: number;
  predicted: number;
  std: number;
}

/** Out-of-fold predicted against measured log10 k1, ±1σ bars, and the y = x line. */
export function ParityPlot({ points }: { points: ParityPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    import('@observablehq/plot')
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const values = points.flatMap((p) => [p.observed, p.predicted - p.std, p.predicted + p.std]);
        const lo = Math.floor(Math.min(...values) * 2) / 2;
        const hi = Math.ceil(Math.max(...values) * 2) / 2;
        const size = Math.max(300, Math.min(640, box.current.clientWidth - 16));
        const chart = Plot.plot({
          width: size,
          height: size,
          marginLeft: 52,
          grid: true,
          style: { fontSize: '13px', background: 'transparent' },
          ariaLabel: 'Out-of-fold predicted against measured log10 k1',
          x: { domain: [lo, hi], label: 'Measured log₁₀ k₁' },
          y: { domain: [lo, hi], label: 'Predicted log₁₀ k₁ (out of fold)' },
          color: { legend: true, type: 'categorical', scheme: 'tableau10' },
          marks: [
            Plot.line(
              [
                [lo, lo],
                [hi, hi],
              ],
              { stroke: '#888', strokeDasharray: '4,3' },
            ),
            Plot.ruleX(points, {
              x: 'observed',
              y1: (d: ParityPoint) => d.predicted - d.std,
              y2: (d: ParityPoint) => d.predicted + d.std,
              stroke: 'family',
              strokeOpacity: 0.35,
            }),
            Plot.dot(points, {
              x: 'observed',
              y: 'predicted',
              stroke: 'family',
              r: 3.5,
              tip: true,
              title: (d: ParityPoint) => `${d.formula}\nmeasured ${d.observed.toFixed(2)}\npredicted ${d.predicted.toFixed(2)} ± ${d.std.toFixed(2)}`,
            }),
          ],
        });
        chart.querySelectorAll('g[aria-label]:not([role])').forEach((g) => g.setAttribute('role', 'group'));
        box.current.replaceChildren(chart);
        setStatus('ready');
      })
      .catch(() => !cancelled && setStatus('failed'));
    return () => {
      cancelled = true;
    };
  }, [points]);

  return (
    <div className="plot-box" data-plot-status={status} data-parity-points={points.length}>
      <div ref={box} />
      {status === 'loading' ? <p className="hint">Drawing plot…</p> : null}
      {status === 'failed' ? <p className="field-error">The plot could not be drawn.</p> : null}
    </div>
  );
}

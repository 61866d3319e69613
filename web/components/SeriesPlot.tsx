import Link from 'next/link';
import { chargeMark, fixed } from '@/lib/chem-format';

export interface SeriesPoint {
  id: string;
  formula: string;
  charge: number;
  atomCount: number;
  log10K1: number | null;
  /** Non-metal part of the formula, e.g. "S2": points sharing it are joined by a line. */
  ligandKey: string;
}

const W = 560;
const H = 260;
const M = { left: 56, right: 16, top: 16, bottom: 44 };

/**
 * log10 k1 against size for the clusters with the same elements and charge as this one; each
 * point links to its cluster. The current cluster is drawn larger and labelled; the clusters
 * with the same ligands (Mo₄S₂⁻, Mo₅S₂⁻, Mo₆S₂⁻ …) are joined by a line. Plain SVG, no script.
 */
export function SeriesPlot({ points, currentId, title }: { points: SeriesPoint[]; currentId: string; title: string }) {
  const measured = points.filter((p): p is SeriesPoint & { log10K1: number } => p.log10K1 != null);
  const current = measured.find((p) => p.id === currentId);
  if (measured.length < 2 || !current) {
    return <p className="hint">No other cluster with the same elements and charge has a measured rate.</p>;
  }
  const sizes = measured.map((p) => p.atomCount);
  const ks = measured.map((p) => p.log10K1);
  const [x0, x1] = [Math.min(...sizes) - 0.5, Math.max(...sizes) + 0.5];
  const [y0, y1] = [Math.floor(Math.min(...ks) * 2) / 2 - 0.25, Math.ceil(Math.max(...ks) * 2) / 2 + 0.25];
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const line = measured.filter((p) => p.ligandKey === current.ligandKey).sort((a, b) => a.atomCount - b.atomCount);
  const xTicks = Array.from({ length: Math.max(...sizes) - Math.min(...sizes) + 1 }, (_, i) => Math.min(...sizes) + i);
  const yTicks: number[] = [];
  for (let v = Math.ceil(y0 * 2) / 2; v <= y1; v += 0.5) yTicks.push(v);

  return (
    <figure className="series-plot" data-testid="series-plot">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="series-title" style={{ width: '100%', maxWidth: `${W}px`, height: 'auto' }}>
        <title id="series-title">{title}</title>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} stroke="var(--border, #ddd)" strokeWidth={0.5} />
            <text x={M.left - 6} y={sy(v) + 4} textAnchor="end" fontSize={11}>
              {fixed(v, 1)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={`x${v}`} x={sx(v)} y={H - M.bottom + 16} textAnchor="middle" fontSize={11}>
            {v}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fontSize={12}>
          Atoms in the cluster
        </text>
        <text x={14} y={(M.top + H - M.bottom) / 2} textAnchor="middle" fontSize={12} transform={`rotate(-90 14 ${(M.top + H - M.bottom) / 2})`}>
          log₁₀ k₁ / (cm³ s⁻¹)
        </text>
        {line.length > 1 ? (
          <polyline
            points={line.map((p) => `${sx(p.atomCount)},${sy(p.log10K1)}`).join(' ')}
            fill="none"
            stroke="var(--accent, #3b528b)"
            strokeOpacity={0.6}
            strokeWidth={1.5}
          />
        ) : null}
        {measured.map((p) => {
          const isCurrent = p.id === currentId;
          const label = `${p.formula}${chargeMark(p.charge)}: log10 k1 = ${fixed(p.log10K1)}`;
          const dot = (
            <circle
              cx={sx(p.atomCount)}
              cy={sy(p.log10K1)}
              r={isCurrent ? 7 : 4.5}
              fill={isCurrent ? 'var(--accent, #d1495b)' : p.ligandKey === current.ligandKey ? 'var(--accent, #3b528b)' : '#fff'}
              stroke={isCurrent ? '#000' : 'var(--accent, #3b528b)'}
              strokeWidth={isCurrent ? 2 : 1.5}
            >
              <title>{label}</title>
            </circle>
          );
          return isCurrent ? (
            <g key={p.id} data-series-point={p.id} aria-current="true">
              {dot}
              <text x={sx(p.atomCount) + 10} y={sy(p.log10K1) - 8} fontSize={12} fontWeight={600}>
                {p.formula}
                {chargeMark(p.charge)}
              </text>
            </g>
          ) : (
            <Link key={p.id} href={`/clusters/${encodeURIComponent(p.id)}`} aria-label={label} data-series-point={p.id}>
              {dot}
            </Link>
          );
        })}
      </svg>
      <figcaption className="hint">
        Same elements and charge, measured log₁₀ k₁ against size; filled points share this cluster&apos;s non-metal part ({current.ligandKey || 'none'}) and are
        joined by a line. Select a point to open that cluster.
      </figcaption>
    </figure>
  );
}

const W = 320;
const H = 320;
const PAD = 44;
const COLORS: Record<string, string> = { a: '#1f6fb2', b: '#b2591f', c: '#2f8f4e' };

export interface CoveragePoint {
  nominal: number;
  coverage: number;
}

/**
 * Nominal vs observed coverage of the conformal intervals on held-out clusters, one line per
 * protocol; points on the diagonal mean the intervals cover what they claim.
 */
export function CalibrationPlot({ curves, titles }: { curves: Record<string, CoveragePoint[]>; titles: Record<string, string> }) {
  const x = (v: number) => PAD + v * (W - PAD - 10);
  const y = (v: number) => H - PAD - v * (H - PAD - 10);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure data-calibration-plot>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label="Calibration plot: nominal against observed coverage of the prediction intervals on held-out clusters"
      >
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="#999" strokeDasharray="4 3" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} stroke="#333" />
        <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} stroke="#333" />
        {ticks.map((t) => (
          <g key={t}>
            <text x={x(t)} y={y(0) + 14} fontSize="10" textAnchor="middle">
              {Math.round(t * 100)}
            </text>
            <text x={x(0) - 6} y={y(t) + 3} fontSize="10" textAnchor="end">
              {Math.round(t * 100)}
            </text>
          </g>
        ))}
        <text x={(x(0) + x(1)) / 2} y={H - 8} fontSize="11" textAnchor="middle">
          nominal coverage (%)
        </text>
        <text x={12} y={(y(0) + y(1)) / 2} fontSize="11" textAnchor="middle" transform={`rotate(-90 12 ${(y(0) + y(1)) / 2})`}>
          observed coverage (%)
        </text>
        {Object.entries(curves).map(([key, pts]) => (
          <g key={key} data-protocol={key}>
            <polyline fill="none" stroke={COLORS[key] ?? '#555'} strokeWidth="1.5" points={pts.map((p) => `${x(p.nominal)},${y(p.coverage)}`).join(' ')} />
            {pts.map((p) => (
              <circle key={p.nominal} cx={x(p.nominal)} cy={y(p.coverage)} r="2.5" fill={COLORS[key] ?? '#555'}>
                <title>{`(${key}) nominal ${Math.round(p.nominal * 100)} %, observed ${(p.coverage * 100).toFixed(1)} %`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        {Object.keys(curves).map((k) => (
          <span key={k} style={{ marginRight: '1rem' }}>
            {/* Only the marker carries the series colour: the words keep the text's contrast. */}
            <span aria-hidden="true" style={{ color: COLORS[k] ?? '#555' }}>
              ●
            </span>{' '}
            ({k}) {titles[k] ?? ''}
          </span>
        ))}
        <br />
        Each point: intervals calibrated without the held-out fold or family, scored on it. Dashed: perfect calibration.
      </figcaption>
    </figure>
  );
}

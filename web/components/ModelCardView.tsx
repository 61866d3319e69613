import type { ModelCardQuery } from '@/lib/api/generated/graphql';
import { CalibrationPlot, type CoveragePoint } from './CalibrationPlot';

type Card = ModelCardQuery['model'];
type MetricRow = Record<string, unknown>;
interface CoverageCell {
  nominal: number;
  coverage: number;
  meanWidthLog10: number;
  n: number;
}
interface Calibration {
  library: string;
  protocol: string;
  calibrationSetSize: number;
  calibrationSet?: string;
  method: { name: string; description: string };
  halfWidth: Record<string, number>;
  halfWidthByNuclearity?: Record<string, Record<string, number>>;
  nestedCoverage: Record<string, { calibration: string; '68': CoverageCell; '95': CoverageCell }>;
  coverageCurve?: Record<string, CoveragePoint[]>;
}
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

const num = (v: unknown, digits = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits).replace('-', '\u2212') : '—');

const seedCell = (v: { rmseMean: number; rmseSd: number | null } | undefined) =>
  v ? `${num(v.rmseMean)}${v.rmseSd === null ? '' : ` ± ${num(v.rmseSd)}`}` : '—';

/** The served model's card: identity, training data, and its metrics per evaluation protocol. */
export function ModelCardView({ model }: { model: Card }) {
  const card = (model.card ?? {}) as {
    protocols?: Array<{ key: string; title: string; description: string }>;
    baselines?: Record<string, { label?: string; note?: string }>;
    task?: string;
    basedOn?: string;
    calibration?: Calibration;
    metricsOverSeeds?: { repeats: number; rmse: Record<string, Record<string, { rmseMean: number; rmseSd: number | null }>> };
    familyMeanOracle?: { description: string; rmse: Record<string, number> };
  };
  const cal = card.calibration;
  const overSeeds = card.metricsOverSeeds && card.metricsOverSeeds.repeats > 1 ? card.metricsOverSeeds : null;
  const protocols = card.protocols ?? Object.keys(model.metrics).map((key) => ({ key, title: key, description: '' }));
  const metrics = model.metrics as Record<string, Record<string, MetricRow>>;
  return (
    <div data-model-card={model.version}>
      <dl className="facts">
        <div>
          <dt>Model</dt>
          <dd>{model.name}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>
            <code>{model.version}</code>
          </dd>
        </div>
        <div>
          <dt>Ensemble members</dt>
          <dd>{model.members}</dd>
        </div>
        <div>
          <dt>Training clusters</dt>
          <dd>{model.trainingClusterCount}</dd>
        </div>
        <div>
          <dt>Training atoms</dt>
          <dd>
            {model.trainingAtomCountMin}–{model.trainingAtomCountMax}
          </dd>
        </div>
        <div>
          <dt>Elements</dt>
          <dd>{model.trainingElements.join(' ')}</dd>
        </div>
      </dl>
      {card.task ? <p>{card.task}</p> : null}
      {card.basedOn ? <p className="hint">{card.basedOn}</p> : null}
      {cal ? (
        <section aria-label="Prediction intervals" data-calibration>
          <h3>Prediction intervals and their coverage</h3>
          <p>
            Every prediction carries 68 % and 95 % conformal intervals ({cal.library}, score “{cal.method.name}”), calibrated on the {cal.calibrationSetSize}{' '}
            held-out predictions of protocol ({cal.protocol}){cal.calibrationSet ? ` (${cal.calibrationSet})` : ''}:{' '}
            {cal.halfWidthByNuclearity ? (
              <span data-half-widths="by-nuclearity">
                {Object.entries(cal.halfWidthByNuclearity)
                  .map(([cls, hw]) => `±${num(hw['68'], 2)} and ±${num(hw['95'], 2)} for ${cls} clusters`)
                  .join('; ')}{' '}
                (calibrated separately for each class)
              </span>
            ) : (
              <span>
                ±{num(cal.halfWidth['68'], 2)} and ±{num(cal.halfWidth['95'], 2)}
              </span>
            )}{' '}
            log<sub>10</sub> units. The coverage below is measured with the calibration itself held out.
          </p>
          <div className="two-col">
            {cal.coverageCurve ? <CalibrationPlot curves={cal.coverageCurve} titles={Object.fromEntries(protocols.map((p) => [p.key, p.title]))} /> : null}
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Coverage of the conformal intervals">
              <table data-coverage-table>
                <thead>
                  <tr>
                    <th scope="col">Protocol</th>
                    <th scope="col" className="num">
                      68 % coverage
                    </th>
                    <th scope="col" className="num">
                      95 % coverage
                    </th>
                    <th scope="col" className="num">
                      n
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(cal.nestedCoverage).map(([key, v]) => (
                    <tr key={key}>
                      <td title={v.calibration}>({key})</td>
                      <td className="num">{pct(v['68'].coverage)}</td>
                      <td className="num">{pct(v['95'].coverage)}</td>
                      <td className="num">{v['68'].n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </section>
      ) : null}
      {protocols.map((p) => {
        const rows = metrics[p.key] ?? {};
        return (
          <section key={p.key} aria-label={`Metrics: ${p.title}`}>
            <h3>{p.title}</h3>
            {p.description ? <p className="hint">{p.description}</p> : null}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={`Metrics table: ${p.title}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col" className="num">
                      RMSE
                    </th>
                    {overSeeds ? (
                      <th scope="col" className="num" title="The whole nested evaluation repeated with other seeds">
                        RMSE over {overSeeds.repeats} seeds
                      </th>
                    ) : null}
                    <th scope="col" className="num">
                      MAE
                    </th>
                    <th scope="col" className="num">
                      R²
                    </th>
                    <th scope="col" className="num">
                      n
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(rows).map(([learner, m]) => (
                    <tr key={learner}>
                      <td>{learner === 'gin' ? <strong>GIN ensemble (served)</strong> : (card.baselines?.[learner]?.label ?? learner)}</td>
                      <td className="num">{num(m.rmse)}</td>
                      {overSeeds ? <td className="num">{seedCell(overSeeds.rmse[p.key]?.[learner])}</td> : null}
                      <td className="num">{num(m.mae)}</td>
                      <td className="num">{num(m.r2)}</td>
                      <td className="num">{typeof m.n === 'number' ? m.n : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {card.familyMeanOracle?.rmse[p.key] !== undefined ? (
              <p className="hint" data-family-mean-oracle={p.key} title={card.familyMeanOracle.description}>
                Reference, not a model: predicting every held-out cluster by its own family’s measured mean gives RMSE {num(card.familyMeanOracle.rmse[p.key])}.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

import type { ModelCardQuery } from '@/lib/api/generated/graphql';

type Card = ModelCardQuery['model'];
type MetricRow = Record<string, unknown>;

const num = (v: unknown, digits = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits).replace('-', '\u2212') : '—');

/** The served model's card: identity, training data, and its metrics per evaluation protocol. */
export function ModelCardView({ model }: { model: Card }) {
  const card = (model.card ?? {}) as { protocols?: Array<{ key: string; title: string; description: string }>; baselines?: Record<string, { label?: string }>; task?: string; basedOn?: string };
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
      {protocols.map((p) => {
        const rows = metrics[p.key] ?? {};
        return (
          <section key={p.key} aria-label={`Metrics: ${p.title}`}>
            <h3>{p.title}</h3>
            {p.description ? <p className="hint">{p.description}</p> : null}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col" className="num">
                      RMSE
                    </th>
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
                      <td>{learner === 'gin' ? 'GIN ensemble' : (card.baselines?.[learner]?.label ?? learner)}</td>
                      <td className="num">{num(m.rmse)}</td>
                      <td className="num">{num(m.mae)}</td>
                      <td className="num">{num(m.r2)}</td>
                      <td className="num">{typeof m.n === 'number' ? m.n : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}

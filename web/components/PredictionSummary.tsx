import Link from 'next/link';
import type { PredictionInfoFragment } from '@/lib/api/generated/graphql';
import type { ApiErrorDetail } from '@/lib/api/errors';
import { fixed } from '@/lib/chem-format';
import { Scientific } from './Formula';
import { NotAvailable } from './NotAvailable';

/** Predicted log10 k ± σ, the applicability-domain verdict and, when known, the measured value beside it. */
export function PredictionSummary({ prediction, error, measured, hasStructure }: { prediction: PredictionInfoFragment | null | undefined; error?: ApiErrorDetail; measured?: number | null; hasStructure: boolean }) {
  if (!prediction) {
    if (error) {
      return (
        <div className="notice notice-warn" data-prediction="unavailable">
          <strong>No prediction:</strong> {error.code === 'MODEL_UNAVAILABLE' ? 'the prediction model is not loaded on this server.' : error.message}
        </div>
      );
    }
    return <NotAvailable what="Prediction">{hasStructure ? 'The model gave no prediction for this structure.' : 'Predictions need a computed structure, and this cluster has none yet.'}</NotAvailable>;
  }
  const d = prediction.domain;
  return (
    <div data-prediction="ready">
      <dl className="facts">
        <div>
          <dt>
            Predicted log<sub>10</sub> k<sub>1</sub>
          </dt>
          <dd>
            {fixed(prediction.log10K1)} ± {fixed(prediction.log10K1Std)}
          </dd>
        </div>
        <div>
          <dt>
            Predicted k<sub>1</sub>
          </dt>
          <dd>
            <Scientific value={prediction.k1Cm3PerMoleculeS} />
          </dd>
        </div>
        {measured != null ? (
          <div>
            <dt>Predicted − measured</dt>
            <dd>{fixed(prediction.log10K1 - measured)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Applicability domain</dt>
          <dd>
            <span className={`tag ${d.inDomain ? 'tag-ok' : 'tag-warn'}`}>{d.inDomain ? 'inside' : 'outside'}</span>
          </dd>
        </div>
      </dl>
      <p className="hint">
        ± is the ensemble standard deviation. Nearest training cluster:{' '}
        <Link href={`/clusters/${encodeURIComponent(d.nearestTrainingClusterId)}`}>{d.nearestTrainingClusterId}</Link> (distance {d.nearestDistance.toFixed(2)}, threshold{' '}
        {d.distanceThreshold.toFixed(2)}). Model <code>{prediction.modelVersion}</code>.
      </p>
      {!d.inDomain && d.reasons.length ? (
        <ul className="notice notice-warn">
          {d.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

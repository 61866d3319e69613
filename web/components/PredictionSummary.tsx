import Link from 'next/link';
import type { PredictionInfoFragment, PredictionKind } from '@/lib/api/generated/graphql';
import type { ApiErrorDetail } from '@/lib/api/errors';
import { fixed } from '@/lib/chem-format';
import { Scientific } from './Formula';
import { NotAvailable } from './NotAvailable';

const KIND_LABEL: Record<PredictionKind, string> = {
  HELD_OUT: 'held out',
  IN_SAMPLE: 'in-sample',
  NEW_STRUCTURE: 'new structure',
};

/** A tag saying what a predicted number may be compared with. */
export function PredictionKindTag({ kind, protocol }: { kind: PredictionKind; protocol?: string | null }) {
  const title =
    kind === 'HELD_OUT'
      ? 'Made by models that never saw this cluster: comparable with the measurement.'
      : kind === 'IN_SAMPLE'
        ? 'The served model was trained on this measurement: not a test of the model.'
        : 'The served model on a structure outside the catalog.';
  return (
    <span className={`tag ${kind === 'IN_SAMPLE' ? 'tag-warn' : ''}`} data-prediction-kind={kind} title={title}>
      {KIND_LABEL[kind]}
      {kind === 'HELD_OUT' && protocol ? ` (protocol ${protocol})` : ''}
    </span>
  );
}

/** "[−12.10, −10.30]" in log10 units. */
export function intervalText(iv: { lowLog10K1: number; highLog10K1: number }): string {
  return `[${fixed(iv.lowLog10K1)}, ${fixed(iv.highLog10K1)}]`;
}

/**
 * A prediction with what kind it is, its conformal intervals and the applicability-domain
 * verdict; "predicted − measured" only for held-out predictions (an in-sample difference says
 * nothing about accuracy).
 */
export function PredictionSummary({
  prediction,
  error,
  measured,
  hasStructure,
}: {
  prediction: PredictionInfoFragment | null | undefined;
  error?: ApiErrorDetail;
  measured?: number | null;
  hasStructure: boolean;
}) {
  if (!prediction) {
    if (error) {
      return (
        <div className="notice notice-warn" data-prediction="unavailable">
          <strong>No prediction:</strong> {error.code === 'MODEL_UNAVAILABLE' ? 'the prediction model is not loaded on this server.' : error.message}
        </div>
      );
    }
    return (
      <NotAvailable what="Prediction">
        {hasStructure ? 'The model gave no prediction for this structure.' : 'Predictions need a computed structure, and this cluster has none yet.'}
      </NotAvailable>
    );
  }
  const d = prediction.domain;
  const p = prediction;
  const uncalibrated = !p.interval68.calibrated || !p.interval95.calibrated;
  return (
    <div data-prediction="ready" data-kind={p.kind}>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>
            <PredictionKindTag kind={p.kind} protocol={p.protocol} />
          </dd>
        </div>
        <div>
          <dt>
            Predicted log<sub>10</sub> k<sub>1</sub>
          </dt>
          <dd data-predicted-log10k1>{fixed(p.log10K1)}</dd>
        </div>
        <div>
          <dt>68 % interval</dt>
          <dd data-interval="68">{intervalText(p.interval68)}</dd>
        </div>
        <div>
          <dt>95 % interval</dt>
          <dd data-interval="95">{intervalText(p.interval95)}</dd>
        </div>
        <div>
          <dt>
            Predicted k<sub>1</sub>
          </dt>
          <dd>
            <Scientific value={p.k1Cm3PerMoleculeS} />
          </dd>
        </div>
        {measured != null && p.kind === 'HELD_OUT' ? (
          <div>
            <dt>Predicted − measured</dt>
            <dd data-residual>{fixed(p.log10K1 - measured)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Applicability domain</dt>
          <dd>
            <span className={`tag ${d.inDomain ? 'tag-ok' : 'tag-warn'}`} data-domain={d.inDomain ? 'inside' : 'outside'}>
              {d.inDomain ? 'inside' : 'outside'}
            </span>
          </dd>
        </div>
      </dl>
      <p className="hint">
        {p.kind === 'HELD_OUT'
          ? `Held out: predicted by the evaluation models trained without this cluster's whole metal family (${p.heldOutSplit ?? '—'}), as for a cluster the model has not seen. `
          : p.kind === 'IN_SAMPLE'
            ? 'In-sample: the served model was trained on this cluster, so this value is not a test of it. '
            : ''}
        Intervals are conformal, calibrated on held-out errors (they cover the measured value at the stated rate on held-out clusters); the ensemble spread (±
        {fixed(p.log10K1Std)}) is much narrower than the real error. Nearest training cluster:{' '}
        <Link href={`/clusters/${encodeURIComponent(d.nearestTrainingClusterId)}`}>{d.nearestTrainingClusterId}</Link> (distance {d.nearestDistance.toFixed(2)},
        threshold {d.distanceThreshold.toFixed(2)}). Model <code>{p.modelVersion}</code>.
      </p>
      {p.cappedAtCaptureLimit ? (
        <p className="notice notice-warn" data-capped>
          The network gave log<sub>10</sub> k<sub>1</sub> = {fixed(p.unboundedLog10K1)}, above the{' '}
          {p.captureLimit.kind === 'LANGEVIN' ? 'Langevin capture rate' : 'gas-kinetic collision rate'} ({fixed(p.captureLimit.log10K1)}); the prediction is set
          to that limit.
        </p>
      ) : null}
      {uncalibrated ? (
        <p className="notice notice-warn" data-uncalibrated>
          Far from every training cluster: the intervals are doubled by a fixed factor and are not calibrated.
        </p>
      ) : null}
      {!d.inDomain && d.reasons.length ? (
        <ul className="notice notice-warn" data-domain-reasons>
          {d.reasons.map((r) => (
            <li key={r}>Outside the domain: {r}</li>
          ))}
        </ul>
      ) : null}
      {d.caveats.length ? (
        <ul className="notice" data-domain-caveats>
          {d.caveats.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

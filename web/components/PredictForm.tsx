'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { apiRequest } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { ExplanationInfoFragment, PredictQuery as PredictResult } from '@/lib/api/generated/graphql';
import { ClusterXyzQuery, ExplainStructureQuery, PredictQuery } from '@/lib/api/queries';
import { clusterTitle } from '@/lib/chem-format';
import type { PredictLimits } from '@/lib/api/limits';
import { checkXyz } from '@/lib/xyz';
import { Formula } from './Formula';
import { PredictionSummary } from './PredictionSummary';
import { StructureViewerLazy } from './StructureViewerLazy';

interface FieldErrors {
  xyz?: string;
  charge?: string;
  multiplicity?: string;
  general?: string;
  /** The API refused the structure as outside what the model was trained on. */
  refusal?: string;
}

function errorFor(err: ApiError): FieldErrors {
  if (err.code === 'OUT_OF_DOMAIN') return { refusal: err.message };
  const where = err.argument ?? '';
  if (where.endsWith('charge')) return { charge: err.message };
  if (where.endsWith('multiplicity')) return { multiplicity: err.message };
  if (where.endsWith('xyz') || err.code === 'BAD_USER_INPUT') return { xyz: err.message };
  if (err.code === 'XTB_UNAVAILABLE') return { general: `xtb is not available on this server, so new structures cannot be featurized: ${err.message}` };
  if (err.code === 'MODEL_UNAVAILABLE') return { general: 'The prediction model is not loaded on this server.' };
  return { general: err.message };
}

/** UTF-8 spends at most 4 bytes on a character: a larger file cannot fit the API's character limit. */
const maxFileBytes = (limits: PredictLimits) => 4 * limits.maxXyzCharacters;

export function PredictForm({ exampleId, limits }: { exampleId: string | null; limits: PredictLimits }) {
  const [xyz, setXyz] = useState('');
  const [charge, setCharge] = useState('-1');
  const [multiplicity, setMultiplicity] = useState('2');
  const [optimize, setOptimize] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PredictResult['predict'] | null>(null);
  const [explanation, setExplanation] = useState<ExplanationInfoFragment | null>(null);

  const loadExample = async () => {
    if (!exampleId) return;
    try {
      const { data } = await apiRequest(ClusterXyzQuery, { id: exampleId });
      if (data.cluster?.structure) {
        setXyz(data.cluster.structure.xyz);
        setCharge(String(data.cluster.charge));
        setMultiplicity(String(data.cluster.structure.multiplicity));
        setErrors({});
      }
    } catch (err) {
      setErrors({ general: err instanceof ApiError ? err.message : 'The example could not be loaded.' });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxFileBytes(limits)) {
      setErrors({
        xyz: `The file is ${Math.round(file.size / 1024)} kB; an XYZ file of at most ${limits.maxAtoms} atoms is far smaller (at most ${limits.maxXyzCharacters} characters).`,
      });
      return;
    }
    setXyz(await file.text());
    setErrors({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A result left on screen under a new, invalid input would read as that input's prediction.
    setResult(null);
    setExplanation(null);
    const local: FieldErrors = {};
    if (!xyz.trim()) local.xyz = 'Paste an XYZ file or choose one to upload.';
    else {
      const problem = checkXyz(xyz, limits);
      if (problem) local.xyz = problem;
    }
    if (!/^[-+−]?\d+$/.test(charge.trim())) local.charge = `Charge must be a whole number, got "${charge}".`;
    else if (Math.abs(Number(charge.trim().replace('−', '-'))) > limits.maxCharge)
      local.charge = `Charge must be between −${limits.maxCharge} and +${limits.maxCharge}, got ${charge.trim()}.`;
    if (!/^\d+$/.test(multiplicity.trim()) || Number(multiplicity) < 1)
      local.multiplicity = `Multiplicity 2S+1 must be a whole number ≥ 1, got "${multiplicity}".`;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    const structure = { xyz, charge: Number(charge.replace('−', '-')), multiplicity: Number(multiplicity), optimize };
    try {
      const { data } = await apiRequest(PredictQuery, { structure }, { timeoutMs: 180000 });
      setResult(data.predict);
      apiRequest(ExplainStructureQuery, { structure }, { timeoutMs: 180000 })
        .then(({ data: d }) => setExplanation(d.explain ?? null))
        .catch(() => setExplanation(null));
    } catch (err) {
      setErrors(err instanceof ApiError ? errorFor(err) : { general: 'The prediction failed unexpectedly.' });
    } finally {
      setBusy(false);
    }
  };

  const attributions = explanation ? Object.fromEntries(explanation.atoms.map((a) => [a.index, a.value])) : null;

  return (
    <>
      <form className="card" onSubmit={submit} noValidate aria-busy={busy}>
        <label htmlFor="xyz">XYZ file (Å)</label>
        <textarea
          id="xyz"
          rows={10}
          value={xyz}
          onChange={(e) => setXyz(e.target.value)}
          placeholder={'3\ncomment line\nMo 0.000 0.000 0.000\nS  2.300 0.000 0.000\nMo 4.600 0.000 0.000'}
          spellCheck={false}
          aria-invalid={errors.xyz ? true : undefined}
          aria-describedby={errors.xyz ? 'xyz-error' : 'xyz-help'}
        />
        {errors.xyz ? (
          <p id="xyz-error" className="field-error" role="alert">
            {errors.xyz}
          </p>
        ) : (
          <p id="xyz-help" className="hint">
            Atom count, a comment line, then one line per atom: element and x, y, z in Å. At most <span data-testid="max-atoms">{limits.maxAtoms}</span> atoms,
            charge between −{limits.maxCharge} and +{limits.maxCharge}.
          </p>
        )}
        <div className="query-row" style={{ marginTop: '0.5rem' }}>
          <label htmlFor="xyz-file">Upload</label>
          <input id="xyz-file" type="file" accept=".xyz,text/plain,chemical/x-xyz" onChange={(e) => void onFile(e.target.files?.[0])} />
          {exampleId ? (
            <button type="button" className="button-quiet" onClick={() => void loadExample()}>
              Use a catalog structure ({exampleId})
            </button>
          ) : null}
        </div>
        <div className="query-row" style={{ marginTop: '0.75rem' }}>
          <label htmlFor="charge">Charge</label>
          <input
            id="charge"
            type="text"
            inputMode="numeric"
            value={charge}
            onChange={(e) => setCharge(e.target.value)}
            style={{ width: '5rem' }}
            aria-invalid={errors.charge ? true : undefined}
            aria-describedby={errors.charge ? 'charge-error' : undefined}
          />
          <label htmlFor="multiplicity">Multiplicity (2S+1)</label>
          <input
            id="multiplicity"
            type="text"
            inputMode="numeric"
            value={multiplicity}
            onChange={(e) => setMultiplicity(e.target.value)}
            style={{ width: '5rem' }}
            aria-invalid={errors.multiplicity ? true : undefined}
            aria-describedby={errors.multiplicity ? 'multiplicity-error' : undefined}
          />
          <label className="check">
            <input type="checkbox" checked={optimize} onChange={(e) => setOptimize(e.target.checked)} /> optimise geometry first (slower)
          </label>
        </div>
        {errors.charge ? (
          <p id="charge-error" className="field-error" role="alert">
            {errors.charge}
          </p>
        ) : null}
        {errors.multiplicity ? (
          <p id="multiplicity-error" className="field-error" role="alert">
            {errors.multiplicity}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Running GFN2-xTB and the model…' : 'Predict'}
          </button>
        </div>
        {errors.general ? (
          <p className="notice notice-error" role="alert" id="predict-error">
            {errors.general}
          </p>
        ) : null}
        {errors.refusal ? (
          <div className="notice notice-warn" role="alert" id="predict-refusal" data-predict-refusal>
            <strong>No prediction: this structure is outside what the model was trained on.</strong> {errors.refusal} The model was trained on anionic and
            neutral clusters of 2–13 atoms; see the <Link href="/trends">model page</Link>.
          </div>
        ) : null}
      </form>

      {result ? (
        <section aria-labelledby="predict-result" data-predict-result="ready">
          <h2 id="predict-result">Prediction</h2>
          <div className="two-col">
            <div className="card">
              <StructureViewerLazy
                atoms={result.structure.atoms}
                bonds={result.structure.bonds}
                attributions={attributions}
                label="your structure"
                initialMode="element"
              />
              <p className="hint">
                {explanation ? 'Attributions loaded: choose “colour by attribution”.' : 'Computing attributions…'} GFN2-xTB took{' '}
                {(result.xtbWallTimeMs / 1000).toFixed(1)} s.
              </p>
            </div>
            <div className="card">
              <PredictionSummary prediction={result.prediction} hasStructure />
              <h3>Nearest known clusters</h3>
              <ul>
                {result.nearest.map((n) => (
                  <li key={n.cluster.id}>
                    <Link href={`/clusters/${encodeURIComponent(n.cluster.id)}`} aria-label={clusterTitle(n.cluster.formula, n.cluster.charge)}>
                      <Formula formula={n.cluster.formula} charge={n.cluster.charge} />
                    </Link>{' '}
                    <span className="hint">similarity {n.similarity.toFixed(3)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

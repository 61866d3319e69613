'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { apiRequest } from '@/lib/api/client';
import { CatalogClusterCheckQuery, SubmitClusterMutation, SubmitMeasurementMutation } from '@/lib/api/contributions';
import { ApiError } from '@/lib/api/errors';
import {
  checkCharge,
  checkFormula,
  checkMeasurement,
  checkMultiplicity,
  checkXyzAgainstFormula,
  emptyMeasurement,
  fieldOfArgument,
  measurementInput,
  newIdempotencyKey,
  SUBMIT_LIMITS,
  type MeasurementDraft,
  type MeasurementErrors,
} from '@/lib/contribution-form';
import { readSession, type SessionState } from '@/lib/session';
import { checkXyz } from '@/lib/xyz';
import { Field, MeasurementFields, type ReactantOption } from './MeasurementFields';

export type SubmitKind = 'measurement' | 'cluster';

type Errors = Record<string, string>;
type CatalogState = { state: 'idle' | 'checking' | 'absent' | 'unknown' } | { state: 'found'; id: string };

const mKey = (i: number, field: string) => `m${i}.${field}`;

/**
 * "Submit data": a new measurement of a catalog cluster, or a new cluster with optional structure
 * and measurements. Fields are checked as they are typed (shown once touched, all on submit);
 * the API's BAD_USER_INPUT errors land on the field they name.
 */
export function SubmitForm({ kind, reactants }: { kind: SubmitKind; reactants: ReactantOption[] }) {
  const [session, setSession] = useState<SessionState | null | undefined>(undefined);
  const [formula, setFormula] = useState('');
  const [charge, setCharge] = useState(kind === 'cluster' ? '0' : '-1');
  const [multiplicity, setMultiplicity] = useState('');
  const [xyz, setXyz] = useState('');
  const [measurements, setMeasurements] = useState<MeasurementDraft[]>(kind === 'measurement' ? [emptyMeasurement()] : []);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [catalog, setCatalog] = useState<CatalogState>({ state: 'idle' });
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<{ id: string } | null>(null);
  const reactantFormulas = useMemo(() => reactants.map((r) => r.formula), [reactants]);

  useEffect(() => {
    setIdempotencyKey(newIdempotencyKey());
    readSession().then(setSession, () => setSession(null));
  }, []);

  // Whether formula + charge name a catalog cluster: a measurement needs one, a new cluster must not be one.
  const clusterValid = !checkFormula(formula) && !checkCharge(charge);
  useEffect(() => {
    if (!clusterValid) {
      setCatalog({ state: 'idle' });
      return;
    }
    setCatalog({ state: 'checking' });
    const abort = new AbortController();
    const timer = setTimeout(() => {
      apiRequest(CatalogClusterCheckQuery, { formula: formula.trim(), charge: Number(charge.trim().replace(/[−–]/g, '-')) }, { signal: abort.signal }).then(
        ({ data }) => setCatalog(data.clusterByFormula ? { state: 'found', id: data.clusterByFormula.id } : { state: 'absent' }),
        () => !abort.signal.aborted && setCatalog({ state: 'unknown' }),
      );
    }, 350);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [clusterValid, formula, charge]);

  const clientErrors = useMemo(() => {
    const e: Errors = {};
    const f = checkFormula(formula);
    if (f) e.formula = f;
    const c = checkCharge(charge);
    if (c) e.charge = c;
    const m = checkMultiplicity(multiplicity);
    if (m) e.multiplicity = m;
    if (kind === 'measurement' && catalog.state === 'absent')
      e.formula = `${formula.trim()} with charge ${charge.trim()} is not in the catalog; submit it as a new cluster.`;
    if (kind === 'cluster' && catalog.state === 'found')
      e.formula = `${formula.trim()} with charge ${charge.trim()} is already in the catalog (${catalog.id}); submit a measurement for it instead.`;
    if (kind === 'cluster' && xyz.trim()) {
      const x =
        checkXyz(xyz, { maxAtoms: SUBMIT_LIMITS.maxAtoms, maxXyzCharacters: SUBMIT_LIMITS.maxXyzCharacters }) ??
        (f ? null : checkXyzAgainstFormula(xyz, formula));
      if (x) e.xyz = x;
    }
    measurements.forEach((draft, i) => {
      for (const [field, message] of Object.entries(checkMeasurement(draft, reactantFormulas))) e[mKey(i, field)] = message;
    });
    return e;
  }, [formula, charge, multiplicity, xyz, measurements, kind, catalog, reactantFormulas]);

  const errorFor = (key: string): string | undefined => serverErrors[key] ?? (attempted || touched.has(key) ? clientErrors[key] : undefined);

  const edited = (...keys: string[]) => {
    setTouched((t) => new Set([...t, ...keys]));
    setServerErrors((s) => {
      const next = { ...s };
      for (const k of keys) delete next[k];
      return next;
    });
    setGeneral(null);
  };

  const measurementErrors = (i: number): MeasurementErrors => {
    const out: MeasurementErrors = {};
    for (const field of Object.keys(emptyMeasurement()) as Array<keyof MeasurementDraft>) {
      const message = errorFor(mKey(i, field));
      if (message) out[field] = message;
    }
    return out;
  };

  const onXyzFile = async (file: File | undefined) => {
    if (!file) return;
    edited('xyz');
    if (file.size > 4 * SUBMIT_LIMITS.maxXyzCharacters) {
      setServerErrors((s) => ({ ...s, xyz: `The file is ${Math.round(file.size / 1024)} kB; a structure of at most 20 atoms is far smaller.` }));
      return;
    }
    setXyz(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !session || !idempotencyKey) return;
    setAttempted(true);
    if (Object.keys(clientErrors).length) {
      const first = Object.keys(clientErrors)[0];
      const id = first.startsWith('m') && first.includes('.') ? `${kind}-${first.replace('.', '-')}` : `${kind}-${first}`;
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setGeneral(null);
    const cluster = {
      formula: formula.trim(),
      charge: Number(charge.trim().replace(/[−–]/g, '-')),
      multiplicity: multiplicity.trim() ? Number(multiplicity) : null,
    };
    try {
      const result =
        kind === 'measurement'
          ? (
              await apiRequest(
                SubmitMeasurementMutation,
                { cluster, measurement: measurementInput(measurements[0]), idempotencyKey },
                { csrfToken: session.csrfToken },
              )
            ).data.submitMeasurement
          : (
              await apiRequest(
                SubmitClusterMutation,
                { cluster: { ...cluster, xyz: xyz.trim() ? xyz : null, measurements: measurements.map(measurementInput) }, idempotencyKey },
                { csrfToken: session.csrfToken, timeoutMs: 60000 },
              )
            ).data.submitCluster;
      setSubmitted({ id: result.id });
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setGeneral('The submission failed unexpectedly; nothing was saved. Try again.');
      } else if (err.code === 'BAD_USER_INPUT') {
        const where = fieldOfArgument(err.argument);
        const key = where === null ? null : where.measurement === null ? where.field : mKey(where.measurement, where.field);
        const known = key && (['formula', 'charge', 'multiplicity', 'xyz'].includes(key) || /^m\d+\./.test(key));
        if (known) setServerErrors({ [key]: err.message });
        else setGeneral(err.message);
      } else if (err.code === 'UNAUTHENTICATED') {
        setGeneral('Your session has ended: sign in again, then submit (nothing was saved).');
      } else {
        setGeneral(err.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFormula('');
    setMultiplicity('');
    setXyz('');
    setMeasurements(kind === 'measurement' ? [emptyMeasurement()] : []);
    setTouched(new Set());
    setAttempted(false);
    setServerErrors({});
    setSubmitted(null);
    setIdempotencyKey(newIdempotencyKey());
  };

  if (session === undefined) return <p className="hint">Checking your session…</p>;
  if (!session) {
    return (
      <p className="notice">
        <Link href="/sign-in">Sign in</Link> with a contributor key to submit data.
      </p>
    );
  }
  if (submitted) {
    return (
      <div className="notice" role="status" data-testid="submitted">
        <p>
          Submitted for review. Follow it on <Link href={`/submissions/${encodeURIComponent(submitted.id)}`}>its submission page</Link>
          {kind === 'cluster' ? ', where its structure search shows its progress' : ''}.
        </p>
        <button type="button" className="button-quiet" onClick={reset}>
          Submit another {kind === 'cluster' ? 'cluster' : 'measurement'}
        </button>
      </div>
    );
  }

  const p = kind;
  const catalogHint =
    catalog.state === 'checking'
      ? 'Looking it up in the catalog…'
      : catalog.state === 'found' && kind === 'measurement'
        ? `In the catalog as ${catalog.id}.`
        : catalog.state === 'absent' && kind === 'cluster'
          ? 'Not in the catalog yet: it can be submitted.'
          : 'Element symbols with counts, e.g. Mo5S2.';

  return (
    <form className="card submit-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={`${p}-title`}>
      <h2 id={`${p}-title`}>{kind === 'cluster' ? 'A new cluster' : 'A new measurement of a catalog cluster'}</h2>
      <fieldset>
        <legend>Cluster</legend>
        <div className="form-grid">
          <Field id={`${p}-formula`} label="Formula" error={errorFor('formula')} hint={<span aria-live="polite">{catalogHint}</span>}>
            {(d, inv) => (
              <input
                id={`${p}-formula`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={formula}
                onChange={(e) => {
                  setFormula(e.target.value);
                  edited('formula');
                }}
                aria-describedby={d}
                aria-invalid={inv}
                aria-required="true"
              />
            )}
          </Field>
          <Field id={`${p}-charge`} label="Charge" error={errorFor('charge')} hint="-1 anion, 0 neutral, +1 cation">
            {(d, inv) => (
              <input
                id={`${p}-charge`}
                type="text"
                inputMode="numeric"
                value={charge}
                onChange={(e) => {
                  setCharge(e.target.value);
                  edited('charge');
                }}
                aria-describedby={d}
                aria-invalid={inv}
              />
            )}
          </Field>
          <Field id={`${p}-multiplicity`} label="Multiplicity (2S+1)" error={errorFor('multiplicity')} hint="optional">
            {(d, inv) => (
              <input
                id={`${p}-multiplicity`}
                type="text"
                inputMode="numeric"
                value={multiplicity}
                onChange={(e) => {
                  setMultiplicity(e.target.value);
                  edited('multiplicity');
                }}
                aria-describedby={d}
                aria-invalid={inv}
              />
            )}
          </Field>
          {kind === 'cluster' ? (
            <Field
              id={`${p}-xyz`}
              label="Structure (XYZ, Å)"
              error={errorFor('xyz')}
              hint="optional: without one, a GFN2-xTB structure search runs; with one, it is optimised"
              wide
            >
              {(d, inv) => (
                <>
                  <textarea
                    id={`${p}-xyz`}
                    rows={6}
                    spellCheck={false}
                    value={xyz}
                    onChange={(e) => {
                      setXyz(e.target.value);
                      edited('xyz');
                    }}
                    aria-describedby={d}
                    aria-invalid={inv}
                  />
                  <span className="query-row">
                    <label htmlFor={`${p}-xyz-file`}>Upload an XYZ file</label>
                    <input id={`${p}-xyz-file`} type="file" accept=".xyz,text/plain,chemical/x-xyz" onChange={(e) => void onXyzFile(e.target.files?.[0])} />
                  </span>
                </>
              )}
            </Field>
          ) : null}
        </div>
      </fieldset>

      {measurements.map((draft, i) => (
        <fieldset key={i} data-testid={`measurement-${i}`}>
          <legend>{kind === 'cluster' ? `Measurement ${i + 1}` : 'Measurement'}</legend>
          <MeasurementFields
            prefix={`${p}-m${i}`}
            draft={draft}
            errors={measurementErrors(i)}
            reactants={reactants}
            onChange={(patch) => {
              setMeasurements((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));
              edited(...Object.keys(patch).map((f) => mKey(i, f)));
            }}
          />
          {kind === 'cluster' ? (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setMeasurements((ms) => ms.filter((_, j) => j !== i));
                setServerErrors({});
              }}
            >
              Remove measurement {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      {kind === 'cluster' && measurements.length < 10 ? (
        <button type="button" className="button-quiet" onClick={() => setMeasurements((ms) => [...ms, emptyMeasurement()])}>
          Add a measurement
        </button>
      ) : null}

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Submitting…' : kind === 'cluster' ? 'Submit cluster for review' : 'Submit measurement for review'}
        </button>
      </div>
      {general ? (
        <p className="notice notice-error" role="alert" data-testid="submit-error">
          {general}
        </p>
      ) : null}
    </form>
  );
}

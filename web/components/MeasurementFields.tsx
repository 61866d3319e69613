'use client';

import type { ReactNode } from 'react';
import {
  K1_UNIT_LABELS,
  PRESSURE_UNIT_LABELS,
  TECHNIQUE_LABELS,
  type K1UnitKey,
  type MeasurementDraft,
  type MeasurementErrors,
  type PressureUnitKey,
  type TechniqueKey,
} from '@/lib/contribution-form';

export interface ReactantOption {
  formula: string;
  name: string;
}

/** A labelled field with its error (or hint) tied to the control through aria-describedby. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  wide,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined, invalid: true | undefined) => ReactNode;
  wide?: boolean;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={wide ? 'form-field form-field-wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy, error ? true : undefined)}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-field-error={id}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** One measurement's inputs; `prefix` keeps ids unique when a form holds several. */
export function MeasurementFields({
  prefix,
  draft,
  errors,
  reactants,
  onChange,
}: {
  prefix: string;
  draft: MeasurementDraft;
  errors: MeasurementErrors;
  reactants: ReactantOption[];
  onChange: (patch: Partial<MeasurementDraft>) => void;
}) {
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <div className="form-grid">
      <Field id={id('reactant')} label="Reactant" error={errors.reactant}>
        {(d, inv) => (
          <select id={id('reactant')} value={draft.reactant} onChange={(e) => onChange({ reactant: e.target.value })} aria-describedby={d} aria-invalid={inv}>
            {reactants.map((r) => (
              <option key={r.formula} value={r.formula}>
                {r.formula} ({r.name})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('k1')} label="Rate constant k1" error={errors.k1} hint="e.g. 1.2e-10">
        {(d, inv) => (
          <input
            id={id('k1')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.k1}
            onChange={(e) => onChange({ k1: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
            aria-required="true"
          />
        )}
      </Field>
      <Field id={id('k1Unit')} label="Unit of k1" error={errors.k1Unit}>
        {(d, inv) => (
          <select
            id={id('k1Unit')}
            value={draft.k1Unit}
            onChange={(e) => onChange({ k1Unit: e.target.value as K1UnitKey })}
            aria-describedby={d}
            aria-invalid={inv}
          >
            {Object.entries(K1_UNIT_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('k1Uncertainty')} label="1σ uncertainty of k1" error={errors.k1Uncertainty} hint="optional, in the unit of k1">
        {(d, inv) => (
          <input
            id={id('k1Uncertainty')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.k1Uncertainty}
            onChange={(e) => onChange({ k1Uncertainty: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
          />
        )}
      </Field>
      <Field id={id('temperatureK')} label="Temperature (K)" error={errors.temperatureK}>
        {(d, inv) => (
          <input
            id={id('temperatureK')}
            type="text"
            inputMode="decimal"
            value={draft.temperatureK}
            onChange={(e) => onChange({ temperatureK: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
          />
        )}
      </Field>
      <Field id={id('pressure')} label="Pressure" error={errors.pressure ?? errors.pressureUnit} hint="optional">
        {(d, inv) => (
          <span className="input-with-unit">
            <input
              id={id('pressure')}
              type="text"
              inputMode="decimal"
              value={draft.pressure}
              onChange={(e) => onChange({ pressure: e.target.value })}
              aria-describedby={d}
              aria-invalid={inv}
            />
            <select
              aria-label="Pressure unit"
              value={draft.pressureUnit}
              onChange={(e) => onChange({ pressureUnit: e.target.value as PressureUnitKey })}
              id={id('pressureUnit')}
            >
              {Object.entries(PRESSURE_UNIT_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </span>
        )}
      </Field>
      <Field id={id('technique')} label="Technique" error={errors.technique}>
        {(d, inv) => (
          <select
            id={id('technique')}
            value={draft.technique}
            onChange={(e) => onChange({ technique: e.target.value as TechniqueKey })}
            aria-describedby={d}
            aria-invalid={inv}
          >
            {Object.entries(TECHNIQUE_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('techniqueDetail')} label="Technique detail" error={errors.techniqueDetail} hint="optional: instrument, buffer gas">
        {(d, inv) => (
          <input
            id={id('techniqueDetail')}
            type="text"
            value={draft.techniqueDetail}
            onChange={(e) => onChange({ techniqueDetail: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
          />
        )}
      </Field>
      <Field id={id('doi')} label="DOI" error={errors.doi} hint="optional, e.g. 10.1021/jacsau.5c00451">
        {(d, inv) => (
          <input id={id('doi')} type="text" value={draft.doi} onChange={(e) => onChange({ doi: e.target.value })} aria-describedby={d} aria-invalid={inv} />
        )}
      </Field>
      <Field id={id('citation')} label="Citation" error={errors.citation} wide>
        {(d, inv) => (
          <textarea
            id={id('citation')}
            rows={2}
            value={draft.citation}
            onChange={(e) => onChange({ citation: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
            aria-required="true"
          />
        )}
      </Field>
      <Field id={id('notes')} label="Notes" error={errors.notes} hint="optional" wide>
        {(d, inv) => (
          <textarea
            id={id('notes')}
            rows={2}
            value={draft.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
            aria-describedby={d}
            aria-invalid={inv}
          />
        )}
      </Field>
      <div className="form-field form-field-wide">
        <label className="check">
          <input
            type="checkbox"
            id={id('exceedsCaptureLimit')}
            checked={draft.exceedsCaptureLimit}
            onChange={(e) => onChange({ exceedsCaptureLimit: e.target.checked })}
          />{' '}
          k1 is above the capture limit on purpose
        </label>
        <p className="hint">
          Rates above the capture limit (Langevin or locked-dipole for ions, 1×10⁻⁹ cm³ molecule⁻¹ s⁻¹ for neutral clusters) are refused unless you say why.
        </p>
      </div>
      {draft.exceedsCaptureLimit ? (
        <Field id={id('captureLimitExplanation')} label="Why k1 exceeds the capture limit" error={errors.captureLimitExplanation} wide>
          {(d, inv) => (
            <textarea
              id={id('captureLimitExplanation')}
              rows={2}
              value={draft.captureLimitExplanation}
              onChange={(e) => onChange({ captureLimitExplanation: e.target.value })}
              aria-describedby={d}
              aria-invalid={inv}
              aria-required="true"
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}

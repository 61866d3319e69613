'use client';

import { useEffect, useMemo, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { ExplanationInfoFragment, StructureFullFragment } from '@/lib/api/generated/graphql';
import { ExplainClusterQuery } from '@/lib/api/queries';
import { divergingColour, fixed } from '@/lib/chem-format';
import { StructureViewerLazy } from './StructureViewerLazy';

/**
 * The cluster's 3D view and its attributions share state: attributions are fetched by the browser
 * after the page is up (Shapley values take many model evaluations) and then colour the view.
 */
export function ClusterStructurePanel({
  clusterId,
  structure,
  label,
  modelAvailable,
}: {
  clusterId: string;
  structure: StructureFullFragment;
  label: string;
  modelAvailable: boolean;
}) {
  const [atomsExpl, setAtomsExpl] = useState<ExplanationInfoFragment | null>(null);
  const [subExpl, setSubExpl] = useState<ExplanationInfoFragment | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'ready' | 'failed'>(modelAvailable ? 'loading' : 'idle');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!modelAvailable) return;
    const controller = new AbortController();
    apiRequest(ExplainClusterQuery, { id: clusterId }, { signal: controller.signal, timeoutMs: 120000 })
      .then(({ data, errors }) => {
        setAtomsExpl(data.atoms ?? null);
        setSubExpl(data.subgraphs ?? null);
        setState(data.atoms ? 'ready' : 'failed');
        if (!data.atoms) setError(errors[0]?.message ?? 'No attributions for this cluster.');
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState('failed');
        setError(err instanceof ApiError ? err.message : 'Attributions could not be loaded.');
      });
    return () => controller.abort();
  }, [clusterId, modelAvailable]);

  const attributions = useMemo(() => (atomsExpl ? Object.fromEntries(atomsExpl.atoms.map((a) => [a.index, a.value])) : null), [atomsExpl]);
  const ranked = atomsExpl ? [...atomsExpl.atoms].sort((x, y) => Math.abs(y.value) - Math.abs(x.value)) : [];
  const scale = Math.max(1e-9, ...ranked.map((a) => Math.abs(a.value)));

  return (
    <>
      <StructureViewerLazy atoms={structure.atoms} bonds={structure.bonds} attributions={attributions} label={label} />
      <p className="hint">
        {structure.method} ({structure.program} {structure.programVersion}), multiplicity {structure.multiplicity} ({structure.multiplicitySource}), E ={' '}
        {structure.energyHartree.toFixed(5)} E<sub>h</sub>
        {structure.homoLumoGapEv != null ? <>, HOMO–LUMO gap {structure.homoLumoGapEv.toFixed(2)} eV</> : null}. Bonds: {structure.bondRule}
      </p>
      <section aria-labelledby="attr-heading" data-attributions={state}>
        <h3 id="attr-heading">Attributions</h3>
        {state === 'idle' ? <p className="notice notice-warn">Attributions need the prediction model, which is not loaded on this server.</p> : null}
        {state === 'loading' ? (
          <p className="hint" role="status">
            Computing atom and subgraph attributions…
          </p>
        ) : null}
        {state === 'failed' ? <p className="notice notice-warn">{error}</p> : null}
        {atomsExpl ? (
          <>
            <p className="hint">
              {atomsExpl.method}: each atom&apos;s share of the predicted log<sub>10</sub> k<sub>1</sub> ({fixed(atomsExpl.fullLog10K1)}) relative to the empty
              baseline ({fixed(atomsExpl.emptyLog10K1)}). Choose <q>colour by attribution</q> above to see them on the structure.
            </p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Atom attributions, largest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Atom</th>
                    <th scope="col" className="num">
                      Shapley value
                    </th>
                    <th scope="col" className="num hide-phone">
                      ± s.e.
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.slice(0, 12).map((a) => (
                    <tr key={a.index}>
                      <td>
                        <span className="swatch" style={{ background: divergingColour(a.value / scale) }} aria-hidden="true" /> {a.element}
                        {a.index + 1}
                      </td>
                      <td className="num">{fixed(a.value, 3)}</td>
                      <td className="num hide-phone">{a.standardError == null ? 'exact' : fixed(a.standardError, 3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {subExpl && subExpl.subgraphs.length ? (
          <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
            <table>
              <caption className="visually-hidden">Subgraph attributions</caption>
              <thead>
                <tr>
                  <th scope="col">Subgraph</th>
                  <th scope="col" className="num">
                    Σ Shapley
                  </th>
                  <th scope="col" className="num">
                    Removal effect
                  </th>
                  <th scope="col" className="num hide-phone">
                    Σq / e
                  </th>
                  <th scope="col" className="num hide-phone">
                    Polarization / e
                  </th>
                </tr>
              </thead>
              <tbody>
                {subExpl.subgraphs.map((s) => (
                  <tr key={s.name}>
                    <td>
                      {s.name} <span className="hint">({s.atoms.length} atoms)</span>
                    </td>
                    <td className="num">{fixed(s.shapleySum, 3)}</td>
                    <td className="num">{fixed(s.removalEffect, 3)}</td>
                    <td className="num hide-phone">{fixed(s.totalCharge, 3)}</td>
                    <td className="num hide-phone">{fixed(s.chargePolarization, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

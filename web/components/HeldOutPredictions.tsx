import type { ClusterPageQuery } from '@/lib/api/generated/graphql';
import { fixed } from '@/lib/chem-format';

type HeldOut = NonNullable<NonNullable<ClusterPageQuery['cluster']>['heldOutPredictions']>;

/**
 * Every evaluation run that held this cluster out (the headline above is protocol c's). The ±
 * here is the ensemble spread, not an interval: the calibrated intervals are on the headline.
 */
export function HeldOutPredictions({ rows, measured }: { rows: HeldOut | null | undefined; measured: number | null | undefined }) {
  if (!rows?.length) return null;
  return (
    // Wider than a phone screen: the box scrolls, so it must be reachable by keyboard.
    <div className="table-wrap" data-held-out tabIndex={0} role="region" aria-label="Held-out predictions">
      <table>
        <caption>Held-out predictions (this cluster left out of training)</caption>
        <thead>
          <tr>
            <th scope="col">Evaluation</th>
            <th scope="col">Held out in</th>
            <th scope="col">
              log<sub>10</sub> k<sub>1</sub>
            </th>
            {measured != null ? <th scope="col">− measured</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.protocol}>
              <td>
                ({r.protocol}) {r.protocolTitle}
              </td>
              <td>{r.split}</td>
              <td>
                {fixed(r.log10K1)} <span className="hint">(ensemble SD {fixed(r.log10K1Std)})</span>
              </td>
              {measured != null ? <td>{fixed(r.log10K1 - measured)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

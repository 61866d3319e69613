import type { Metadata } from 'next';
import { NotAvailable } from '@/components/NotAvailable';

export const metadata: Metadata = { title: 'Predict' };

export default function PredictPage() {
  return (
    <div className="prose">
      <h1>Predict the rate for your structure</h1>
      <p>
        Paste or upload an XYZ file of a cluster, set its charge and spin multiplicity, and the model returns a predicted log<sub>10</sub> k<sub>1</sub> for N₂ with
        its uncertainty, whether the structure lies inside the model&apos;s applicability domain, per-atom attributions and the nearest known clusters.
      </p>
      <NotAvailable what="Predictions for uploaded structures">The API does not offer predictions yet; the form appears here as soon as it does.</NotAvailable>
    </div>
  );
}

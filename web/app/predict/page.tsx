import type { Metadata } from 'next';
import { apiRequest, tryApi } from '@/lib/api/client';
import { SearchPageQuery } from '@/lib/api/queries';
import { PredictForm } from '@/components/PredictForm';
import { ApiProblem } from '@/components/ApiStatus';
import { loadLimits } from '@/lib/api/limits';

export const metadata: Metadata = { title: 'Predict' };
export const dynamic = 'force-dynamic';

export default async function PredictPage() {
  // Offer a real catalog structure as the example input, when one exists.
  const [withStructure, limits] = await Promise.all([
    tryApi(() => apiRequest(SearchPageQuery, { filter: { hasStructure: true }, first: 1 })),
    tryApi(loadLimits),
  ]);
  const exampleId = withStructure.ok ? (withStructure.value.data.clusters.edges[0]?.node.id ?? null) : null;
  return (
    <>
      <h1>Predict the rate for your structure</h1>
      <p className="prose">
        Paste or upload an XYZ file of a cluster, set its charge and spin multiplicity, and the model returns a predicted log<sub>10</sub> k<sub>1</sub> for N₂
        with its uncertainty, whether the structure lies inside the model&apos;s applicability domain, per-atom attributions on the 3D view, and the nearest
        known clusters. The structure is featurized with GFN2-xTB on the server.
      </p>
      {limits.ok ? <PredictForm exampleId={exampleId} limits={limits.value.predict} /> : <ApiProblem message={limits.error.message} />}
    </>
  );
}

import type { Request, Response } from 'express';
import type { ClusterRepository } from '../db/cluster.repository';
import { toClusterView } from '../services/catalog.service';

const CSV_COLUMNS = [
  'id',
  'formula',
  'published_name',
  'charge',
  'multiplicity',
  'size',
  'metal_atoms',
  'metals',
  'ligands',
  'nuclearity',
  'mass_u',
  'log10_k1',
  'k1_cm3_per_molecule_s',
  'langevin_rate_cm3_per_molecule_s',
  'efficiency',
  'cv_fold',
  'reactant',
  'source_doi',
] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Plain-HTTP bulk downloads of the whole catalog, named and tagged with the dataset version. */
export function downloadHandlers(repo: ClusterRepository, datasetVersion: () => string) {
  const load = async () => (await repo.exportAll()).map((c) => ({ ...toClusterView(c), measurements: c.measurements }));
  const headers = (res: Response, ext: string, type: string) => {
    const version = datasetVersion();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="clusteratlas-${version.replace(/[^A-Za-z0-9.-]/g, '_')}.${ext}"`);
    res.setHeader('X-Dataset-Version', version);
    res.setHeader('ETag', `"${version}"`);
    res.setHeader('Cache-Control', 'public, max-age=300');
  };

  return {
    async json(_req: Request, res: Response) {
      const clusters = await load();
      const sources = new Map<string, unknown>();
      for (const c of clusters) for (const m of c.measurements) if (m) sources.set(m.source.id, m.source);
      headers(res, 'json', 'application/json; charset=utf-8');
      res.send(
        JSON.stringify({
          dataset: { version: datasetVersion(), clusterCount: clusters.length },
          howToCite: [...sources.values()],
          units: { k1: 'cm^3 molecule^-1 s^-1', log10K1: 'log10 of k1 in cm^3 molecule^-1 s^-1', massU: 'u', langevinRate: 'cm^3 molecule^-1 s^-1' },
          clusters,
        }),
      );
    },
    async csv(_req: Request, res: Response) {
      const clusters = await load();
      const lines = [CSV_COLUMNS.join(',')];
      for (const c of clusters) {
        for (const m of c.measurements.length ? c.measurements : [null]) {
          const row = [
            c.id,
            c.formula,
            c.publishedName,
            c.charge,
            c.multiplicity,
            c.size,
            c.metalAtomCount,
            c.metals.join(' '),
            c.ligands.join(' '),
            c.nuclearity,
            c.massU,
            m?.log10K1 ?? c.log10K1,
            m?.k1Cm3PerMoleculeS ?? c.k1Cm3PerMoleculeS,
            c.langevinRateCm3PerMoleculeS,
            c.efficiency,
            c.cvFold,
            m?.reactant ?? '',
            m?.source.doi ?? '',
          ];
          lines.push(row.map(csvCell).join(','));
        }
      }
      headers(res, 'csv', 'text/csv; charset=utf-8');
      res.send(`${lines.join('\n')}\n`);
    },
  };
}

import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createGzip } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { pack } from 'tar-stream';
import { z } from 'zod';
import type { ClusterOrder } from '../db/cluster-query';
import type { ClusterFilter } from '../graphql/cluster-filter.input';
import { parseClusterFilter } from '../graphql/cluster-filter.parse';
import { csvCell, fileStem, releaseVersion } from './download-format';
import { releaseFromPath } from './release-param';
import type { Services } from '../graphql/context';
import { ModelUnavailableError } from '../ml/errors';
import type { HeldOutPrediction } from '../ml/held-out';
import type { ClusterView } from '../services/catalog.service';
import { structureInputFromView, type PredictionView } from '../services/prediction.service';
import { structureExtendedXyz, structureXyz } from '../services/structure.service';
import { publicClusterJson } from './cluster-json';

/** More rows than the catalog has; a bound, so one export can never become an unbounded job. */
export const MAX_EXPORT_ROWS = 5000;
const MAX_FILTER_CHARS = 2000;
const CHUNK = 50;
const BY_FORMULA: ClusterOrder = { field: 'FORMULA', direction: 'ASC' };

export const SOURCE_CITATION = {
  text: 'Mou, L.-H. et al. Machine learning of the reactivity of gas-phase metal clusters toward N2. ACS Catal. 2025, 15, 6618.',
  doi: '10.1021/acscatal.5c01379',
};
export const DATA_LICENCE = {
  computed: 'CC-BY-4.0 (computed structures, derived quantities and predictions of ClusterAtlas)',
  measured: 'Measured rate constants: cite Mou et al., ACS Catal. 2025, 15, 6618 (doi:10.1021/acscatal.5c01379).',
};
export const UNITS = {
  log10K1: 'log10 of k1 in cm^3 molecule^-1 s^-1',
  k1: 'cm^3 molecule^-1 s^-1',
  langevinRate: 'cm^3 molecule^-1 s^-1',
  massU: 'u',
  efficiency: 'dimensionless (k1 / k_L)',
  heldOutLog10K1: 'log10 of k1 in cm^3 molecule^-1 s^-1 (out-of-fold GIN ensemble mean; std = ensemble standard deviation)',
  prediction:
    'log10 of k1 in cm^3 molecule^-1 s^-1: the headline prediction of the cluster page (kind HELD_OUT: out-of-fold under `protocol`), with split-conformal 68 % and 95 % intervals; `calibrated` is false where the interval was widened for a structure far from the training clusters',
};

const Range = z.object({ min: z.number().nullish(), max: z.number().nullish() }).strict();
const Symbols = z.array(z.string().max(3)).max(100).nullish();
const FilterShape = z
  .object({
    formula: z.string().max(200).nullish(),
    elementCounts: z
      .array(z.object({ element: z.string().max(3), min: z.number().int().nullish(), max: z.number().int().nullish() }).strict())
      .max(100)
      .nullish(),
    elements: z.object({ allOf: Symbols, anyOf: Symbols, only: Symbols, noneOf: Symbols }).strict().nullish(),
    charges: z.array(z.number().int()).max(20).nullish(),
    size: Range.nullish(), // the public ClusterFilter's name for the number of atoms
    metalAtomCount: Range.nullish(),
    log10K1: Range.nullish(),
    nuclearity: z.enum(['HOMONUCLEAR', 'HETERONUCLEAR']).nullish(),
    ids: z.array(z.string().max(100)).max(100).nullish(),
    hasStructure: z.boolean().nullish(),
  })
  .strict();

class ExportInputError extends Error {}

/** The `filter` query parameter: a ClusterFilter as JSON, checked by shape and then by the GraphQL filter rules. */
export function readExportFilter(raw: unknown) {
  if (raw === undefined || raw === '') return parseClusterFilter(null);
  if (typeof raw !== 'string') throw new ExportInputError('give `filter` once, as JSON');
  if (raw.length > MAX_FILTER_CHARS) throw new ExportInputError(`filter is ${raw.length} characters; the limit is ${MAX_FILTER_CHARS}`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ExportInputError('filter is not valid JSON (expected e.g. {"formula":"Mo?S2","charges":[-1]})');
  }
  const shape = FilterShape.safeParse(json);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    throw new ExportInputError(`filter${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
  }
  try {
    return parseClusterFilter(shape.data as ClusterFilter);
  } catch (err) {
    if (err instanceof GraphQLError) throw new ExportInputError(err.message);
    throw err;
  }
}

function badRequest(res: Response, message: string) {
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', argument: 'filter' } }] });
}

function heldOutOrEmpty(services: Services, id: string): HeldOutPrediction[] {
  try {
    return services.predictions.heldOut(id);
  } catch {
    return []; // model not loaded: the columns stay empty and the JSON says so
  }
}

/**
 * The headline prediction of each cluster, the one its page shows: the held-out value under the
 * calibration's protocol with its conformal intervals (the served model's run is needed for the
 * domain verdict that decides whether an interval is widened). Empty without a model.
 */
async function headlinePredictions(services: Services, clusters: ClusterView[]): Promise<Map<string, PredictionView>> {
  const out = new Map<string, PredictionView>();
  for (let i = 0; i < clusters.length; i += CHUNK) {
    const part = clusters.slice(i, i + CHUNK);
    const isomers = await services.structures.isomersFor(part.map((c) => c.id));
    const inputs = part.flatMap((c, k) => (isomers[k].length ? [{ cluster: c, input: structureInputFromView(isomers[k][0], c.charge) }] : []));
    if (!inputs.length) continue;
    let served: PredictionView[];
    try {
      served = await services.predictions.predictMany(inputs.map((x) => ({ clusterId: x.cluster.id, input: x.input })));
    } catch (err) {
      if (err instanceof ModelUnavailableError) return out;
      throw err;
    }
    inputs.forEach(({ cluster }, k) => {
      const elements = cluster.composition.flatMap((e) => Array<string>(e.count).fill(e.element));
      out.set(cluster.id, services.predictions.heldOutView(cluster.id, served[k], elements, cluster.charge));
    });
  }
  return out;
}

const PREDICTION_COLUMNS = [
  'prediction_kind',
  'prediction_protocol',
  'prediction_log10_k1',
  'prediction_log10_k1_std',
  'prediction_low68_log10_k1',
  'prediction_high68_log10_k1',
  'prediction_low95_log10_k1',
  'prediction_high95_log10_k1',
  'prediction_intervals_calibrated',
];

function predictionCells(p: PredictionView | undefined): unknown[] {
  if (!p) return PREDICTION_COLUMNS.map(() => null);
  return [
    p.kind,
    p.protocol,
    p.meanLog10K1,
    p.stdLog10K1,
    p.interval68.lowLog10K1,
    p.interval68.highLog10K1,
    p.interval95.lowLog10K1,
    p.interval95.highLog10K1,
    p.interval68.calibrated,
  ];
}

function predictionJson(p: PredictionView | undefined) {
  if (!p) return null;
  const interval = (i: PredictionView['interval68']) => ({
    confidence: i.confidence,
    lowLog10K1: i.lowLog10K1,
    highLog10K1: i.highLog10K1,
    calibrated: i.calibrated,
  });
  return {
    kind: p.kind,
    protocol: p.protocol,
    protocolTitle: p.protocolTitle,
    heldOutSplit: p.heldOutSplit,
    log10K1: p.meanLog10K1,
    log10K1Std: p.stdLog10K1,
    interval68: interval(p.interval68),
    interval95: interval(p.interval95),
    cappedAtCaptureLimit: p.cappedAtCaptureLimit,
    inDomain: p.domain.inDomain,
  };
}

/**
 * Exports of a result set and bulk structure files. Rows are written as they are produced
 * (chunked transfer), the catalog read is bounded by MAX_EXPORT_ROWS, and everything carries the
 * dataset version and how to cite it.
 */
export function exportHandlers(services: Services, datasetVersion: () => string, modelVersion: () => string | null | undefined, oofFile: string) {
  const common = (res: Response, filename: string, type: string) => {
    const version = datasetVersion();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('X-Dataset-Version', version);
    res.setHeader('Link', `<https://doi.org/${SOURCE_CITATION.doi}>; rel="cite-as"`);
    res.setHeader('Cache-Control', 'no-store');
  };

  const select = async (req: Request, res: Response): Promise<ClusterView[] | null> => {
    let criteria;
    try {
      criteria = readExportFilter(req.query.filter);
    } catch (err) {
      if (err instanceof ExportInputError) {
        badRequest(res, err.message);
        return null;
      }
      throw err;
    }
    const { total, clusters } = await services.catalog.search(criteria, BY_FORMULA, { offset: 0, limit: MAX_EXPORT_ROWS });
    if (total > MAX_EXPORT_ROWS) {
      badRequest(res, `the filter matches ${total} clusters; an export holds at most ${MAX_EXPORT_ROWS}`);
      return null;
    }
    return clusters;
  };

  const measurementsOf = async (clusters: ClusterView[]) => {
    const lists = await services.catalog.measurementsFor(clusters.map((c) => c.id));
    return new Map(clusters.map((c, i) => [c.id, lists[i]]));
  };

  return {
    async csv(req: Request, res: Response) {
      const clusters = await select(req, res);
      if (!clusters) return;
      const measurements = await measurementsOf(clusters);
      const heldOut = new Map(clusters.map((c) => [c.id, heldOutOrEmpty(services, c.id)]));
      const headline = await headlinePredictions(services, clusters);
      const protocols = [...new Set([...heldOut.values()].flatMap((l) => l.map((h) => h.protocol)))].sort();
      const columns = [
        'id',
        'formula',
        'charge',
        'size',
        'metals',
        'ligands',
        'log10_k1',
        'k1_cm3_per_molecule_s',
        'langevin_rate_cm3_per_molecule_s',
        'efficiency',
        ...protocols.flatMap((p) => [`heldout_${p}_log10_k1`, `heldout_${p}_log10_k1_std`]),
        ...PREDICTION_COLUMNS,
        'source_doi',
        'dataset_version',
      ];
      const version = datasetVersion();
      common(res, `${fileStem(version)}-export.csv`, 'text/csv; charset=utf-8');
      res.write(`${columns.join(',')}\n`);
      for (let i = 0; i < clusters.length; i += CHUNK) {
        const lines = clusters.slice(i, i + CHUNK).map((c) => {
          const h = heldOut.get(c.id) ?? [];
          const m = measurements.get(c.id)?.[0];
          return [
            c.id,
            c.formula,
            c.charge,
            c.atomCount, // the `size` column
            c.metals.join(' '),
            c.ligands.join(' '),
            c.log10K1,
            c.k1Cm3PerMoleculeS,
            c.langevinRateCm3PerMoleculeS,
            c.efficiency,
            ...protocols.flatMap((p) => {
              const row = h.find((x) => x.protocol === p);
              return [row?.log10K1, row?.log10K1Std];
            }),
            ...predictionCells(headline.get(c.id)),
            m?.source.doi ?? SOURCE_CITATION.doi,
            version,
          ]
            .map(csvCell)
            .join(',');
        });
        res.write(`${lines.join('\n')}\n`);
      }
      res.end();
    },

    async json(req: Request, res: Response) {
      const clusters = await select(req, res);
      if (!clusters) return;
      const measurements = await measurementsOf(clusters);
      const headline = await headlinePredictions(services, clusters);
      const version = datasetVersion();
      const model = modelVersion() ?? null;
      common(res, `${fileStem(version)}-export.json`, 'application/json; charset=utf-8');
      const head = {
        dataset: { name: 'ClusterAtlas', version, clusterCount: clusters.length },
        model: model ? { version: model, heldOutPredictions: 'out-of-fold: each value comes from a model that did not see the cluster' } : null,
        filter: typeof req.query.filter === 'string' ? JSON.parse(req.query.filter) : null,
        units: UNITS,
        licence: DATA_LICENCE,
        howToCite: { measurements: SOURCE_CITATION, software: 'ClusterAtlas (see CITATION.cff)' },
      };
      // The head is one JSON text; rows follow one by one inside its "clusters" array.
      res.write(`${JSON.stringify(head).slice(0, -1)},"clusters":[`);
      clusters.forEach((c, i) => {
        const row = {
          ...publicClusterJson(c),
          measurements: measurements.get(c.id) ?? [],
          heldOutPredictions: model ? heldOutOrEmpty(services, c.id) : null,
          prediction: predictionJson(headline.get(c.id)),
        };
        res.write(`${i ? ',' : ''}${JSON.stringify(row)}`);
      });
      res.end(']}');
    },

    async structuresExtendedXyz(req: Request, res: Response) {
      const release = await releaseFromPath(req, res, services.releases);
      if (release === undefined) return;
      const version = releaseVersion(datasetVersion(), release);
      const { clusters } = await services.catalog.search({ release }, BY_FORMULA, { offset: 0, limit: MAX_EXPORT_ROWS });
      common(res, `${fileStem(version)}-structures.extxyz`, 'chemical/x-extxyz; charset=utf-8');
      for (let i = 0; i < clusters.length; i += CHUNK) {
        const part = clusters.slice(i, i + CHUNK);
        const isomers = await services.structures.isomersFor(part.map((c) => c.id));
        part.forEach((c, k) => {
          for (const s of isomers[k]) res.write(structureExtendedXyz(s, c.charge));
        });
      }
      res.end();
    },

    async structuresTar(req: Request, res: Response) {
      const release = await releaseFromPath(req, res, services.releases);
      if (release === undefined) return;
      const version = releaseVersion(datasetVersion(), release);
      const stem = fileStem(version);
      const { clusters } = await services.catalog.search({ release }, BY_FORMULA, { offset: 0, limit: MAX_EXPORT_ROWS });
      common(res, `${stem}-xyz.tar.gz`, 'application/gzip');
      const tar = pack();
      const gzip = createGzip();
      tar.pipe(gzip).pipe(res);
      const readme =
        `ClusterAtlas dataset ${version}: GFN2-xTB structures, one XYZ file per isomer (rank 0 = lowest energy), coordinates in Å.\n` +
        `Licence: ${DATA_LICENCE.computed}. ${DATA_LICENCE.measured}\n`;
      tar.entry({ name: `${stem}/README.txt` }, readme);
      for (let i = 0; i < clusters.length; i += CHUNK) {
        const part = clusters.slice(i, i + CHUNK);
        const isomers = await services.structures.isomersFor(part.map((c) => c.id));
        part.forEach((c, k) => {
          for (const s of isomers[k]) tar.entry({ name: `${stem}/${c.id}/rank${s.rank}.xyz` }, structureXyz(s));
        });
      }
      tar.finalize();
    },

    async oofPredictions(_req: Request, res: Response) {
      let text: string;
      try {
        text = await readFile(oofFile, 'utf8');
      } catch {
        res.status(503).json({ errors: [{ message: 'Out-of-fold predictions are not available on this server.', extensions: { code: 'MODEL_UNAVAILABLE' } }] });
        return;
      }
      common(
        res,
        `clusteratlas-model-${(modelVersion() ?? 'unknown').replace(/[^A-Za-z0-9.-]/g, '_')}-oof-predictions.json`,
        'application/json; charset=utf-8',
      );
      res.send(text);
    },
  };
}

type Route = (req: Request, res: Response) => Promise<void>;

/** Registers the export and bulk routes on the API's Express app (one call from app.ts). */
export function mountExports(
  app: { get(path: string, handler: (req: Request, res: Response, next: (err?: unknown) => void) => void): unknown },
  services: Services,
  versions: () => { datasetVersion: string; modelVersion?: string | null },
  modelsDir: string | undefined,
) {
  const h = exportHandlers(
    services,
    () => versions().datasetVersion,
    () => versions().modelVersion,
    path.join(modelsDir ?? path.join(REPO_ROOT, 'models', 'served'), 'oof-predictions.json'),
  );
  const routes: Array<[string, Route]> = [
    ['/download/export.csv', h.csv],
    ['/download/export.json', h.json],
    ['/download/structures.extxyz', h.structuresExtendedXyz],
    ['/download/structures-xyz.tar.gz', h.structuresTar],
    ['/download/oof-predictions.json', h.oofPredictions],
    ['/download/releases/:release/structures.extxyz', h.structuresExtendedXyz],
    ['/download/releases/:release/structures-xyz.tar.gz', h.structuresTar],
  ];
  for (const [route, handler] of routes) app.get(route, (req, res, next) => handler(req, res).catch(next));
}
